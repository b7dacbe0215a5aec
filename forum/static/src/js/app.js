// Progressive enhancement only: every journey works without this file.
import { initAll } from "./govuk-frontend.min.js";
import "./actions.js";
import "./local-times.js";
import "./similar.js";
import "./tag-suggest.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
