/** Renders templates/go/<name>.hbs (see ../templates.ts). */
import { template } from "../templates.js";

export function render(name: string, view: object): string {
  return template("go", name)(view);
}
