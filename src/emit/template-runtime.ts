/**
 * What the functions compiled from templates (./template-compile.ts) call at run time: the
 * lookups and tests of Handlebars' runtime with the options lockstep uses (strict, noEscape),
 * without its per-call frames and option objects. Kept apart so that dist/ needs no compiler.
 */

/** A view's own property, as Handlebars' lookupProperty reads it (inherited ones are not read). */
function lookup(parent: any, name: string): unknown {
  const value = parent[name];
  if (value == null) return value;
  return Object.prototype.hasOwnProperty.call(parent, name) ? value : undefined;
}

/** strict mode: a printed name the view lacks is a bug. */
function strict(parent: any, name: string): unknown {
  if (!parent || !(name in parent)) throw new Error(`template: "${name}" not defined in ${String(parent)}`);
  return lookup(parent, name);
}

/** The text a `{{value}}` prints: nothing for null and undefined. */
function text(value: unknown, context: unknown): string {
  const v = typeof value === "function" ? value.call(context) : value;
  // `+`, as Handlebars prints (a template literal would convert objects differently).
  return v == null ? "" : "" + (v as string);
}

/** `{{#if value}}`: truthy and not an empty array. */
function truthy(value: unknown, context: unknown): boolean {
  const v = typeof value === "function" ? value.call(context) : value;
  return !!v && !(Array.isArray(v) && v.length === 0);
}

/** The items `{{#each value}}` walks: an array, or none (Handlebars walks nothing else lockstep passes). */
function items(value: unknown, context: unknown): readonly unknown[] {
  const v = typeof value === "function" ? value.call(context) : value;
  if (!v || typeof v !== "object") return [];
  if (!Array.isArray(v)) throw new Error("template: #each over something other than an array");
  return v;
}

/**
 * `{{#each}}` of `before{{this}}after` over `list`, into the template's pieces `o`: one piece per
 * item (a rope, not a copy: the template's one join copies each text once).
 */
function lines(o: string[], list: readonly unknown[], before: string, after: string): void {
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) continue;
    const item = list[i];
    o.push(before + (typeof item === "string" ? item : text(item, item)) + after);
  }
}

export const TEMPLATE_RUNTIME = { lookup, strict, text, truthy, items, lines };
export type TemplateRuntime = typeof TEMPLATE_RUNTIME;
/** A compiled template: the view in, the text out. */
export type TemplateFunction = (view: object) => string;
