/** Handlebars templates under templates/rust/, compiled once. They only print; views decide. */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

const TEMPLATES_DIR = new URL("../../../templates/rust/", import.meta.url);
const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/rust/<name>.hbs` with a view; output ends with exactly one newline. */
export function render(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(new URL(`${name}.hbs`, TEMPLATES_DIR), "utf8");
    template = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return `${template(view).trimEnd()}\n`;
}
