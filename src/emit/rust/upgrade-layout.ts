/**
 * Statements of the Rust upgrade functions laid out as rustfmt prints them when a string literal
 * (a tag, a property's wire name, a default) or a hook's name makes them long: each tries
 * rustfmt's layouts in its order and keeps the first that fits; past the last, rustfmt leaves the
 * line as it is. (Non-ASCII text is escaped, `\u{fc}`, so short names can make long literals.)
 */
import { MAX_WIDTH } from "./layout.js";

/** rustfmt's `fn_call_width` and `chain_width` (its default heuristics): wider goes vertical. */
const CALL_WIDTH = 60;

const fit = (line: string): boolean => line.length <= MAX_WIDTH;

/** The first layout whose lines all fit, else the one-line form. */
function first(one: string, ...layouts: string[][]): string[] {
  if (fit(one)) return [one];
  return layouts.find((l) => l.every(fit)) ?? [one];
}

/** `map.remove(key);` */
export function removeCall(pad: string, map: string, key: string): string[] {
  return first(`${pad}${map}.remove(${key});`, [`${pad}${map}`, `${pad}    .remove(${key});`], [`${pad}${map}.remove(`, `${pad}    ${key},`, `${pad});`]);
}

/** `let value = callee(arg)?;` */
export function letValue(pad: string, callee: string, arg: string): string[] {
  return first(
    `${pad}let value = ${callee}(${arg})?;`,
    [`${pad}let value =`, `${pad}    ${callee}(${arg})?;`],
    [`${pad}let value = ${callee}(`, `${pad}    ${arg},`, `${pad})?;`],
  );
}

/** `map.insert(key.to_owned(), value);`: two arguments, vertical past CALL_WIDTH. */
export function insertCall(pad: string, map: string, key: string, value: string): string[] {
  const one = `${pad}${map}.insert(${key}.to_owned(), ${value});`;
  if (`${key}.to_owned(), ${value}`.length <= CALL_WIDTH && fit(one)) return [one];
  const open = `${pad}${map}.insert(`;
  const close = [`${pad}    ${value},`, `${pad});`];
  if (fit(`${pad}    ${key}.to_owned(),`)) return [open, `${pad}    ${key}.to_owned(),`, ...close];
  // A chain broken after the literal: rustfmt wants a column to spare there.
  if (`${pad}    ${key}`.length < MAX_WIDTH) return [open, `${pad}    ${key}`, `${pad}        .to_owned(),`, ...close];
  return [one];
}

/** The head of `if <cond>recv.method(key) {`; a binding (`if let Some(x) = `) may break after its `=`. */
export function ifCall(pad: string, cond: string, recv: string, method: string, key: string): string[] {
  const call = `${recv}.${method}(${key})`;
  return first(
    `${pad}${cond}${call} {`,
    [`${pad}${cond}${call}`, `${pad}{`],
    ...(cond.endsWith("= ") ? [[`${pad}${cond.trimEnd()}`, `${pad}    ${call}`, `${pad}{`]] : []),
    [`${pad}${cond}${recv}`, `${pad}    .${method}(${key})`, `${pad}{`],
    [`${pad}${cond}${call.slice(0, -key.length - 1)}`, `${pad}    ${key},`, `${pad}) {`],
  );
}

/** `let tag = v.get(tag).and_then(Value::as_str).map(str::to_owned);`: vertical past CALL_WIDTH. */
export function tagOf(tag: string): string[] {
  const chain = `v.get(${tag}).and_then(Value::as_str).map(str::to_owned)`;
  const rest = ["        .and_then(Value::as_str)", "        .map(str::to_owned);"];
  const one = `    let tag = ${chain};`;
  if (chain.length <= CALL_WIDTH && fit(one)) return [one];
  if (fit(`        .get(${tag})`)) return ["    let tag = v", `        .get(${tag})`, ...rest];
  if (fit(`            ${tag},`)) return ["    let tag = v", "        .get(", `            ${tag},`, "        )", ...rest];
  return [one];
}

/** A match arm `Some(tag) => body,` at 8 spaces: as a block, else with the literal on its own line. */
export function tagArm(tag: string, body: string): string[] {
  return first(
    `        Some(${tag}) => ${body},`,
    [`        Some(${tag}) => {`, `            ${body}`, "        }"],
    ["        Some(", `            ${tag},`, `        ) => ${body},`],
  );
}

/** A trait method declaration: rustfmt keeps room for ` {` on one line, then moves `-> ret;` down. */
export function traitMethod(pad: string, head: string, params: readonly string[], ret: string): string[] {
  const one = `${pad}${head}(${params.join(", ")}) -> ${ret};`;
  if (one.length < MAX_WIDTH) return [one];
  if (one.length === MAX_WIDTH) return [`${pad}${head}(${params.join(", ")})`, `${pad}    -> ${ret};`];
  return [`${pad}${head}(`, ...params.map((p) => `${pad}    ${p},`), `${pad}) -> ${ret};`];
}
