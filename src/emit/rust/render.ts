/** Renders templates/rust/<name>.hbs (see ../templates.ts). */
import { template } from "../templates.js";

/** The rendered text, ending with exactly one newline. */
export function render(name: string, view: object): string {
  const text = template("rust", name)(view);
  // Already so (most files): no copy.
  if (text.length >= 2 && text.endsWith("\n") && !/\s/.test(text[text.length - 2]!)) return text;
  return `${text.trimEnd()}\n`;
}

/** The rendered text without trailing blanks (an item of a module file). */
export function renderItem(name: string, view: object): string {
  return template("rust", name)(view).trimEnd();
}
