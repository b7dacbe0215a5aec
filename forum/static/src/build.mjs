// Builds forum/static/build/ afresh: the stylesheet (GOV.UK Frontend with system fonts and
// Civic Forum's own rules), and the scripts (GOV.UK Frontend's module and ours). GOV.UK's
// crest and icons are not copied: they are the government's branding, not ours to use.
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "build");
const govuk = join(here, "..", "..", "..", "node_modules", "govuk-frontend", "dist", "govuk");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile(join(here, "app.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  silenceDeprecations: [],
});
writeFileSync(join(out, "app.css"), css.css);
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(here, "js"), out, { recursive: true });
console.log(`built ${out}: app.css (${css.css.length} bytes), scripts`);
