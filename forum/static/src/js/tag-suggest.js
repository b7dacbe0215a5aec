// Tag suggestions on the ask and propose forms: as the title and details change, ask the server for up to
// five tags and offer each as a button that adds it to the Tags field. Enhancement only.

const DELAY_MS = 400;

function currentTags(input) {
  return input.value.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
}

function setUp(box) {
  const form = box.closest("form");
  const tags = form && form.querySelector(`#${box.dataset.for}`);
  const title = form && form.querySelector("#title");
  const body = form && form.querySelector("#body");
  const list = box.querySelector("[data-tag-suggestion-list]");
  if (!tags || !title || !body || !list) return;
  let timer = null;
  let asked = "";

  async function refresh() {
    const params = new URLSearchParams({ title: title.value, body: body.value.slice(0, 2000), tags: tags.value });
    if (params.toString() === asked) return;
    asked = params.toString();
    let data;
    try {
      const response = await fetch(`${box.dataset.url}?${params}`, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      data = await response.json();
    } catch {
      return; // suggestions are a convenience: a network problem simply shows none
    }
    list.replaceChildren(...data.tags.map((name) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-1";
      button.textContent = name;
      button.addEventListener("click", () => {
        const have = currentTags(tags);
        if (!have.includes(name)) tags.value = [...have, name].join(", ");
        button.remove();
        if (!list.children.length) box.hidden = true;
        tags.focus();
      });
      return button;
    }));
    box.hidden = data.tags.length === 0;
  }

  const later = () => { clearTimeout(timer); timer = setTimeout(refresh, DELAY_MS); };
  for (const field of [title, body, tags]) field.addEventListener("input", later);
  if (title.value || body.value) refresh();
}

document.querySelectorAll("[data-tag-suggestions]").forEach(setUp);
