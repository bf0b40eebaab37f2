/**
 * Line layout the way rustfmt (default config) prints it, for the few constructs whose width
 * depends on schema text. Emitting rustfmt's layout up front keeps `rustfmt --check` silent; a
 * line that cannot fit at all is one rustfmt leaves alone too.
 */

/** rustfmt's default max_width. */
export const MAX_WIDTH = 100;
/** rustfmt's default attr_fn_like_width: widest argument list an attribute keeps on one line. */
const ATTR_ARGS_WIDTH = 70;

const pad = (indent: number): string => " ".repeat(indent);

/** `#[name(a, b)]`, or one item per line when that does not fit. Lines are relative to `indent`. */
export function attribute(indent: number, name: string, items: readonly string[]): string[] {
  const args = items.join(", ");
  const line = `#[${name}(${args})]`;
  const narrow = items.length === 1 || args.length <= ATTR_ARGS_WIDTH; // rustfmt spares a lone argument
  if (narrow && indent + line.length < MAX_WIDTH) return [line]; // rustfmt keeps one column spare here
  return [`#[${name}(`, ...items.map((item, i) => `    ${item}${i < items.length - 1 ? "," : ""}`), ")]"];
}

/** `head type,` (a field or a const), or the type on its own line when that does not fit. */
export function typed(indent: number, head: string, type: string, end = ","): string[] {
  const line = `${head} ${type}${end}`;
  if (indent + line.length <= MAX_WIDTH) return [line];
  return [head, `    ${type}${end}`];
}

/** A tuple variant `Name(Type),`, or its type on its own line when that does not fit. */
export function tupleVariant(indent: number, name: string, type: string): string[] {
  const line = `${name}(${type}),`;
  if (indent + line.length <= MAX_WIDTH) return [line];
  return [`${name}(`, `    ${type},`, "),"];
}

/** A match arm `pattern => body,`, or a block arm when that does not fit. */
export function matchArm(indent: number, pattern: string, body: string): string[] {
  const line = `${pattern} => ${body},`;
  if (indent + line.length <= MAX_WIDTH) return [line];
  return [`${pattern} => {`, `    ${body}`, "}"];
}

/** A call with one string literal argument: rustfmt keeps it on one line at any width. */
export function callWithLiteral(callee: string, literal: string): string[] {
  return [`${callee}(${literal})`];
}

/** Indents lines (blank lines stay empty). */
export function indent(lines: readonly string[], by: number): string[] {
  return lines.map((line) => (line === "" ? "" : pad(by) + line));
}

/** `fn name() -> T {` at `indent`; when too wide rustfmt moves `{`, then `) -> T {`, to their own line. */
export function fnSignature(indent: number, name: string, ret: string): string[] {
  const head = `fn ${name}() -> ${ret}`;
  if (indent + head.length + 2 <= MAX_WIDTH) return [`${head} {`];
  if (indent + head.length <= MAX_WIDTH) return [head, "{"];
  return [`fn ${name}(`, `) -> ${ret} {`];
}

/** `head for Name {`, or, when that is too wide, `for Name` and `{` on lines of their own. */
export function implHeader(head: string, name: string): string[] {
  const line = `${head} for ${name} {`;
  return line.length <= MAX_WIDTH ? [line] : [head, `    for ${name}`, "{"];
}

/** `pub struct Name(pub T);`, or the field on its own line when that does not fit. */
export function newtypeStruct(name: string, type: string): string[] {
  const line = `pub struct ${name}(pub ${type});`;
  if (line.length <= MAX_WIDTH) return [line];
  return [`pub struct ${name}(`, `    pub ${type},`, ");"];
}

/** snake_case, then CamelCase, then UPPER_CASE. */
const rank = (s: string): number => (/^[a-z_]/.test(s) ? 0 : /[a-z]/.test(s) ? 1 : 2);

/** rustfmt's order of names in a use list: snake_case, then CamelCase, then UPPER_CASE; ASCII within each. */
function useOrder(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * `use path::{A, B};` (`head` is `use path::`) as rustfmt prints it: one name without braces,
 * names sorted, on one line when it fits, else packed four spaces in, up to the width.
 */
export function useList(head: string, names: readonly string[]): string[] {
  const sorted = [...new Set(names)].sort(useOrder);
  if (sorted.length === 1) return [`${head}${sorted[0]};`];
  const line = `${head}{${sorted.join(", ")}};`;
  if (line.length <= MAX_WIDTH) return [line];
  const rows: string[] = [];
  let row = "";
  for (const name of sorted) {
    const next = row === "" ? `    ${name},` : `${row} ${name},`;
    if (row !== "" && next.length > MAX_WIDTH) {
      rows.push(row);
      row = `    ${name},`;
    } else row = next;
  }
  rows.push(row);
  return [`${head}{`, ...rows, "};"];
}
