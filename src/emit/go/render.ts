/** Handlebars templates under templates/go/, compiled once. They only print: views are computed in TypeScript. */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

const TEMPLATES = new URL("../../../templates/go/", import.meta.url);
const compiled = new Map<string, HandlebarsTemplateDelegate>();

export function render(name: string, view: object): string {
  let template = compiled.get(name);
  if (template === undefined) {
    const source = readFileSync(new URL(`${name}.hbs`, TEMPLATES), "utf8");
    // noEscape: all escaping is done in TypeScript; strict: a missing view field is a bug.
    template = Handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}
