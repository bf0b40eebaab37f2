/**
 * Handlebars templates under templates/<lang>/*.hbs, compiled once per process. They only print:
 * views are computed in TypeScript. noEscape: all escaping is done in TypeScript; strict: a
 * missing view field is a bug. The build (build.mjs) replaces this module with one holding the
 * same templates precompiled, so an installed lockstep neither reads nor compiles them at run time.
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { packagePath } from "../paths.js";

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

const handlebars = Handlebars.create();
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** The compiled `templates/<lang>/<name>.hbs`. */
export function template(lang: "go" | "rust", name: string): HandlebarsTemplateDelegate {
  const key = `${lang}/${name}`;
  let t = compiled.get(key);
  if (t === undefined) {
    t = handlebars.compile(readFileSync(packagePath("templates", lang, `${name}.hbs`), "utf8"), COMPILE_OPTIONS);
    compiled.set(key, t);
  }
  return t;
}
