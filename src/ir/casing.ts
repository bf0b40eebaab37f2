/**
 * Word splitting and the case conversions every target uses. They live beside the IR because the
 * IR checks that no two names collide after any of these conversions; emitters import them.
 */
import type { Words } from "./types.js";

/** splitWords' results by text. */
const splitCache = new Map<string, readonly string[]>();

/**
 * Splits an identifier-ish string into lower-case ASCII words: "firstName" → [first, name],
 * "HTTPServer" → [http, server], "user_id-2" → [user, id, 2]. Non-ASCII letters are spelled as
 * `u<hex>` so every target gets a legal identifier.
 */
export function splitWords(text: string): string[] {
  // Names repeat (the same property name in many objects): each text is split once, and every
  // caller gets its own array (names are arrays that src/ir/derive.ts tells apart by identity).
  let words = splitCache.get(text);
  if (words === undefined) {
    if (splitCache.size > 200_000) splitCache.clear();
    words = split(text);
    splitCache.set(text, words);
  }
  return words.slice();
}

function split(text: string): string[] {
  let ascii = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    ascii += code < 128 ? ch : ` u${code.toString(16)} `;
  }
  return ascii
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([a-zA-Z])([0-9])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Words for a name, with `prefix` prepended when empty or starting with a digit. */
export function toWords(text: string, prefix: string): string[] {
  const words = splitWords(text);
  if (words.length === 0 || /^[0-9]/.test(words[0]!)) return [prefix, ...words];
  return words;
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

// Emitters convert names over and over: plain loops, no array per call.
/** Words joined so that digits between words stay readable: [v, 2] → "v_2" in snake, "V2" in Pascal. */
export function pascalCase(words: Words): string {
  let out = "";
  for (let i = 0; i < words.length; i++) out += cap(words[i]!);
  return out;
}

export function camelCase(words: Words): string {
  if (words.length === 0) return "";
  const first = words[0]!;
  let out = first.charAt(0).toLowerCase() + first.slice(1);
  for (let i = 1; i < words.length; i++) out += cap(words[i]!);
  return out;
}

export function snakeCase(words: Words): string {
  return words.join("_");
}

export function screamingSnakeCase(words: Words): string {
  return snakeCase(words).toUpperCase();
}

/** Go's common initialisms (from golint), spelled in capitals in Go names: UserID, HTTPURL. */
const GO_INITIALISMS = new Set([
  "acl", "api", "ascii", "cpu", "css", "dns", "eof", "guid", "html", "http", "https", "id", "ip",
  "json", "lhs", "qps", "ram", "rhs", "rpc", "sla", "smtp", "sql", "ssh", "tcp", "tls", "ttl", "udp",
  "ui", "uid", "uuid", "uri", "url", "utf8", "vm", "xml", "xmpp", "xsrf", "xss",
]);

/** Go exported name: Pascal case with common initialisms in capitals. */
export function goPascalCase(words: Words): string {
  return words.map((w) => (GO_INITIALISMS.has(w) ? w.toUpperCase() : cap(w))).join("");
}

/** Every conversion a target applies; the IR refuses names that collide under any of them. */
export const TARGET_CASINGS: ReadonlyArray<{ target: string; convert: (w: Words) => string }> = [
  { target: "TypeScript/Rust types (PascalCase)", convert: pascalCase },
  { target: "TypeScript fields (camelCase)", convert: camelCase },
  { target: "Rust fields (snake_case)", convert: snakeCase },
  { target: "Go (PascalCase with initialisms)", convert: goPascalCase },
];
