// Votes, "I have this question too" and "did this help" without a page reload.
// Every one of these is a plain form post that works without this file; here we send the
// same form with fetch, ask for JSON, and update the numbers and pressed states in place.

function setPressed(button, pressed) {
  button.setAttribute("aria-pressed", pressed ? "true" : "false");
}

// Where the result of an action is said: a live region made when the page loads (so that
// screen readers already watch it), in the form, or for a vote at the top of its post.
function statusFor(form) {
  const vote = form.closest("[data-vote]");
  const host = vote ? vote.closest(".cf-post__layout").querySelector(".cf-post__main") : form;
  let status = host.querySelector(":scope > .cf-action-status");
  if (!status) {
    status = document.createElement("p");
    status.className = "govuk-body-s cf-action-status";
    status.setAttribute("role", "status");
    if (vote) host.prepend(status);
    else host.append(status);
  }
  return status;
}

const pending = new WeakMap();

function announce(form, message, error = false) {
  const status = statusFor(form);
  status.classList.toggle("cf-action-status--error", error);
  status.replaceChildren();
  window.clearTimeout(pending.get(status));
  if (!message) return;
  // Emptied first and filled a moment later, so that the same message said twice is heard twice.
  pending.set(status, window.setTimeout(() => {
    if (error) {
      const label = document.createElement("span");
      label.className = "govuk-visually-hidden";
      label.textContent = "Error: ";
      status.replaceChildren(label, message);
    } else {
      status.replaceChildren(message);
    }
  }, 50));
}

const updaters = {
  vote(form, data) {
    form.querySelector("[data-score]").lastChild.textContent = String(data.score);
    const [up, down] = form.querySelectorAll("button[name=vote]");
    setPressed(up, data.my_vote === 1);
    setPressed(down, data.my_vote === -1);
    up.value = data.my_vote === 1 ? "withdraw" : "up";
    down.value = data.my_vote === -1 ? "withdraw" : "down";
  },
  affected(form, data) {
    const button = form.querySelector("button[name=affected]");
    setPressed(button, data.mine);
    button.value = data.mine ? "no" : "yes";
    const summary = document.querySelector("[data-affected]");
    if (summary) {
      const count = document.createElement("strong");
      count.textContent = String(data.affected);
      summary.replaceChildren(count, data.affected === 1 ? " person has this question" : " people have this question");
    }
    announce(form, data.mine ? "You are counted among the people with this question." : "You are no longer counted.");
  },
  helpful(form, data) {
    for (const button of form.querySelectorAll("button[name=helpful]")) {
      setPressed(button, (button.value === "yes") === data.mine);
    }
    const total = data.helpful_yes + data.helpful_no;
    const summary = form.closest("[data-helpful]").querySelector("p");
    summary.textContent = `${data.helpful_yes} of ${total} ${total === 1 ? "reader" : "readers"} said this answer helped them.`;
    announce(form, "Thank you: your feedback is counted.");
  },
};

async function send(event) {
  const form = event.target.closest("form[data-action-form]");
  if (!form || form.dataset.plain || !event.submitter) return;
  const kind = event.submitter.name;
  if (!(kind in updaters)) return;
  event.preventDefault();
  const body = new FormData(form);
  body.set(kind, event.submitter.value);
  try {
    const response = await fetch(form.action, {
      method: "POST", body, credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (response.redirected) {
      window.location.assign(response.url);  // a real redirect, e.g. to sign in when the session ended
      return;
    }
    const isJson = (response.headers.get("Content-Type") || "").includes("json");
    const data = isJson ? await response.json() : null;
    if (!response.ok || !data) {
      announce(form, (data && data.error) || "That did not work. Reload the page and try again.", true);
      return;
    }
    announce(form, "");
    updaters[kind](form, data);
  } catch {
    form.dataset.plain = "1";  // no network answer: fall back to the plain post
    form.requestSubmit(event.submitter);
  }
}

for (const form of document.querySelectorAll("form[data-action-form]")) statusFor(form);
document.addEventListener("submit", send);
