// Times in the reader's own zone. The server writes every time in UTC, inside
// <time datetime="2025-03-01T09:30:00+00:00">1 March 2025, 09:30 UTC</time> (or the date
// alone), so that a page is the same for everyone and readers without JavaScript still
// see the zone named; here each one is rewritten for the reader's zone, in the page's language.

const EXACT = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;  // a moment, with its offset
const language = document.documentElement.lang || undefined;
const day = new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric" });
const clock = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23",
                                                  timeZoneName: "short" });

function local(element) {
  const stamp = element.getAttribute("datetime") || "";
  const when = new Date(stamp);
  if (!EXACT.test(stamp) || Number.isNaN(when.getTime())) return;
  const shown = element.textContent.trim();
  if (shown.endsWith(" UTC")) {
    const parts = clock.formatToParts(when);
    const part = (type) => (parts.find((p) => p.type === type) || {}).value || "";
    element.textContent = `${day.format(when)}, ${part("hour")}:${part("minute")} ${part("timeZoneName")}`.trim();
    element.title = shown;
  } else {
    element.textContent = day.format(when);
  }
}

for (const element of document.querySelectorAll("time[datetime]")) local(element);
