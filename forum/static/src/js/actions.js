// Votes, "I have this question too" and "did this help" without a page reload.
// Every one of these is a plain form post that works without this file; here we send the
// same form with fetch, ask for JSON, and update the numbers and pressed states in place.

function setPressed(button, pressed) {
  button.setAttribute("aria-pressed", pressed ? "true" : "false");
}

function announce(form, message) {
  let status = form.querySelector(".cf-action-status");
  if (!status) {
    status = document.createElement("p");
    status.className = "govuk-body-s cf-action-status";
    status.setAttribute("role", "status");
    form.append(status);
  }
  status.textContent = message;
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
    if (response.redirected || !(response.headers.get("Content-Type") || "").includes("json")) {
      window.location.assign(response.url);  // e.g. the session ended: follow the server
      return;
    }
    const data = await response.json();
    if (!response.ok) {
      announce(form, data.error || "That did not work. Reload the page and try again.");
      return;
    }
    updaters[kind](form, data);
  } catch {
    form.dataset.plain = "1";  // no network answer: fall back to the plain post
    form.requestSubmit(event.submitter);
  }
}

document.addEventListener("submit", send);
