/** Renders templates/rust/<name>.hbs (see ../templates.ts); output ends with exactly one newline. */
import { template } from "../templates.js";

export function render(name: string, view: object): string {
  return `${template("rust", name)(view).trimEnd()}\n`;
}
