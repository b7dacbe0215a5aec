// Similar posts while typing a title (questions on the ask form, suggestions on the propose
// form). Without this file the forms' Preview step lists them; here, as the person types, we
// ask the box's data-similar-url (with the title in data-similar-param) and show the list.

const DELAY_MS = 300;

function note(item) {
  if (item.supports !== undefined) {
    return ` (${item.supports} support${item.supports === 1 ? "" : "s"}, ${String(item.status).toLowerCase()})`;
  }
  if (item.answers !== undefined) return ` (${item.answers} answer${item.answers === 1 ? "" : "s"})`;
  return "";
}

function render(box, items) {
  if (!items.length) {
    box.replaceChildren();
    return;
  }
  const heading = document.createElement("h2");
  heading.className = "govuk-heading-s";
  heading.textContent = box.dataset.similarHeading;
  const list = document.createElement("ul");
  list.className = "govuk-list";
  for (const item of items) {
    const entry = document.createElement("li");
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = item.url;
    link.textContent = item.title;
    const extra = document.createElement("span");
    extra.className = "govuk-body-s";
    extra.textContent = note(item);
    entry.append(link, extra);
    list.append(entry);
  }
  box.replaceChildren(heading, list);
}

function watch(box) {
  const input = box.closest("form")?.querySelector("input[name=title]") ?? document.getElementById("title");
  if (!input) return;
  let timer = null;
  let latest = 0;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const asked = ++latest;
      const title = input.value.trim();
      if (title.length < 4) {
        render(box, []);
        return;
      }
      try {
        const url = `${box.dataset.similarUrl}?${box.dataset.similarParam}=${encodeURIComponent(title)}`;
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok || asked !== latest) return;
        const data = await response.json();
        render(box, data.results ?? data.suggestions ?? []);
      } catch {
        // Offline or the server is busy: the Preview step still lists them.
      }
    }, DELAY_MS);
  };
  input.addEventListener("input", later);
  // A title typed before this script ran (a slow connection, or a form the browser restored
  // on going back) gets its list too.
  if (input.value.trim()) later();
}

document.querySelectorAll("[data-similar-url]").forEach(watch);
