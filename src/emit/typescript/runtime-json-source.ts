/**
 * The JSON text part of the generated runtime.ts (see runtime-source.ts): parseJson, which keeps
 * integers beyond ±(2^53 − 1) exact as bigint, and stringifyJson, which writes them. Both leave
 * the work to JSON.parse / JSON.stringify whenever they can; the code here handles only what those
 * cannot. No template literals or `${` inside, so String.raw keeps it verbatim.
 */
export const RUNTIME_JSON_SOURCE = String.raw`/**
 * Parses JSON text as JSON.parse does, except that an integer literal beyond ±(2^53 − 1) becomes
 * a bigint. Throws SyntaxError on malformed text. JSON.parse does the work (much faster, and the
 * same values: own "__proto__" properties, last of repeated names wins): text without such an
 * integer goes to it as is; in other text each such integer is first written as a string of a
 * private-use mark (escaped: the text stays one-byte, which JSON.parse reads fastest) and its
 * digits, which become bigints again after parsing. Text holding the
 * mark, or where that does not account for every integer, is read by the exact parser.
 */
export function parseJson(text: string): JsonValue {
  let run = longDigits(text, 0);
  if (run === -1) return JSON.parse(text) as JsonValue;
  if (text.includes(MARK) || hasMarkEscape(text)) return parseExact(text);
  let marked = "";
  let copied = 0;
  let count = 0;
  while (run !== -1) {
    let end = run + 16;
    while (isDigit(text.charCodeAt(end))) end++;
    const start = text.charCodeAt(run - 1) === 45 ? run - 1 : run;
    // A run in a string is left alone when a quote precedes it; otherwise its quote ends the string
    // and the mark after it is a syntax error, so such text goes to the exact parser below.
    if (isBigIntToken(text, start, run, end)) {
      marked += text.slice(copied, start) + '"\\uf8ff' + text.slice(start, end) + '"';
      copied = end;
      count++;
    }
    run = longDigits(text, end);
  }
  if (count === 0) return JSON.parse(text) as JsonValue;
  let value: JsonValue;
  try {
    value = JSON.parse(marked + text.slice(copied)) as JsonValue;
  } catch {
    return parseExact(text);
  }
  marks = count;
  value = unmark(value);
  return marks === 0 ? value : parseExact(text);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The start of the first run of 16 digits or more at or after from, or -1. Every 15th character
 * is looked at (a run of 16 covers one of them), and the run around a digit found is measured.
 */
function longDigits(text: string, from: number): number {
  for (let i = from; i < text.length; i += 15) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let start = i;
    while (start > from && isDigit(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (isDigit(text.charCodeAt(end))) end++;
    if (end - start >= 16) return start;
    i = end;
  }
  return -1;
}

/** True when text has the mark spelled as an escape (\uf8ff in any case). */
function hasMarkEscape(text: string): boolean {
  for (let i = text.indexOf("\\u"); i !== -1; i = text.indexOf("\\u", i + 2)) {
    const c = text.charCodeAt(i + 2);
    if ((c === 102 || c === 70) && text.slice(i + 2, i + 6).toLowerCase() === "f8ff") return true;
  }
  return false;
}

/** True when text from start (a "-" or the digits at run) to end is an integer token beyond ±(2^53 − 1). */
function isBigIntToken(text: string, start: number, run: number, end: number): boolean {
  const before = start === 0 ? 32 : text.charCodeAt(start - 1);
  if (before !== 58 && before !== 44 && before !== 91 && before !== 32 && before !== 10 && before !== 13 && before !== 9) return false;
  const after = text.charCodeAt(end);
  if (after === 46 || after === 101 || after === 69 || text.charCodeAt(run) === 48) return false;
  return !Number.isSafeInteger(Number(text.slice(start, end)));
}

/** value with each marked string made a bigint again (in place), counting marks down to 0; stops there. */
function unmark(value: JsonValue): JsonValue {
  if (typeof value === "string") {
    if (value.charCodeAt(0) !== 0xf8ff) return value;
    marks--;
    return BigInt(value.slice(1));
  }
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && marks > 0; i++) {
      const item = value[i] as JsonValue;
      const read = unmark(item);
      if (read !== item) value[i] = read;
    }
    return value;
  }
  for (const key of Object.keys(value)) {
    if (marks === 0) break;
    const item = value[key] as JsonValue;
    const read = unmark(item);
    if (read !== item) put(value, key, read);
  }
  return value;
}

/** Parses text with the exact parser below (SyntaxError with the position of the fault). */
function parseExact(text: string): JsonValue {
  source = text;
  at = 0;
  try {
    const value = readValue();
    skipSpace();
    if (at < source.length) fail("unexpected text after the value");
    return value;
  } finally {
    source = "";
  }
}

// The exact parser reads charCodes of source from at, without regular expressions or closures.
let source = "";
let at = 0;

function fail(what: string): never {
  throw new SyntaxError("JSON: " + what + " at position " + String(at));
}

/** Skips whitespace; returns the charCode at the new position (NaN at the end). */
function skipSpace(): number {
  let c = source.charCodeAt(at);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = source.charCodeAt(++at);
  return c;
}

function readValue(): JsonValue {
  const c = skipSpace();
  if (c === 123) return readObject();
  if (c === 91) return readArray();
  if (c === 34) return readString();
  if (c === 116) return readLiteral("true", true);
  if (c === 102) return readLiteral("false", false);
  if (c === 110) return readLiteral("null", null);
  return readNumber();
}

function readLiteral(word: string, value: JsonValue): JsonValue {
  if (!source.startsWith(word, at)) fail("unexpected character");
  at += word.length;
  return value;
}

function readObject(): JsonObject {
  at++;
  const object: JsonObject = {};
  if (skipSpace() === 125) {
    at++;
    return object;
  }
  while (true) {
    if (skipSpace() !== 34) fail("expected a property name");
    const key = readString();
    if (skipSpace() !== 58) fail("expected ':'");
    at++;
    put(object, key, readValue());
    const next = skipSpace();
    if (next !== 44 && next !== 125) fail("expected ',' or '}'");
    at++;
    if (next === 125) return object;
  }
}

function readArray(): JsonValue[] {
  at++;
  const array: JsonValue[] = [];
  if (skipSpace() === 93) {
    at++;
    return array;
  }
  while (true) {
    array.push(readValue());
    const next = skipSpace();
    if (next !== 44 && next !== 93) fail("expected ',' or ']'");
    at++;
    if (next === 93) return array;
  }
}

const ESCAPES: { [code: number]: string } = { 34: '"', 92: "\\", 47: "/", 98: "\b", 102: "\f", 110: "\n", 114: "\r", 116: "\t" };

/** Reads the string whose opening quote is at. */
function readString(): string {
  const start = ++at;
  let c = source.charCodeAt(at);
  while (c !== 34 && c !== 92 && c >= 32) c = source.charCodeAt(++at);
  if (c === 34) return source.slice(start, at++);
  let out = source.slice(start, at);
  while (true) {
    if (c === 34) {
      at++;
      return out;
    }
    if (c !== 92) fail(c !== c ? "unterminated string" : "control character in string");
    const e = source.charCodeAt(at + 1);
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      at += 2;
    } else if (e === 117) {
      out += String.fromCharCode(readHex4(at + 2));
      at += 6;
    } else {
      fail("bad escape");
    }
    const from = at;
    c = source.charCodeAt(at);
    while (c !== 34 && c !== 92 && c >= 32) c = source.charCodeAt(++at);
    out += source.slice(from, at);
  }
}

function readHex4(from: number): number {
  let code = 0;
  for (let i = from; i < from + 4; i++) {
    const h = source.charCodeAt(i);
    const digit = h >= 48 && h <= 57 ? h - 48 : h >= 97 && h <= 102 ? h - 87 : h >= 65 && h <= 70 ? h - 55 : fail("bad escape");
    code = code * 16 + digit;
  }
  return code;
}

function readDigits(): number {
  let c = source.charCodeAt(at);
  if (!(c >= 48 && c <= 57)) fail(c !== c ? "unexpected end" : "unexpected character");
  do c = source.charCodeAt(++at);
  while (c >= 48 && c <= 57);
  return c;
}

function readNumber(): number | bigint {
  const start = at;
  let c = source.charCodeAt(at);
  if (c === 45) c = source.charCodeAt(++at);
  if (c === 48) c = source.charCodeAt(++at);
  else c = readDigits();
  let integer = true;
  if (c === 46) {
    integer = false;
    at++;
    c = readDigits();
  }
  if (c === 101 || c === 69) {
    integer = false;
    c = source.charCodeAt(++at);
    if (c === 43 || c === 45) at++;
    readDigits();
  }
  const digits = source.slice(start, at);
  const n = Number(digits);
  return integer && at - start > 15 && !Number.isSafeInteger(n) ? BigInt(digits) : n;
}

/**
 * Writes a JSON value as compact JSON text: strings as JSON.stringify writes them, bigint as its
 * digits. Properties whose value is undefined are left out; non-finite numbers are an error.
 * JSON.stringify writes the text: each bigint is first replaced (in copies of the objects and
 * arrays on its path, never in value) by a string of a private-use mark and its digits, whose
 * quotes and mark are then taken out of the text. When the text holds more marks than were put
 * in (a string of value has one), the value is written here instead.
 */
export function stringifyJson(value: JsonValue): string {
  marks = 0;
  const text = JSON.stringify(withoutBigInts(value));
  if (marks === 0) return text;
  let found = 0;
  for (let i = text.indexOf(MARK); i !== -1; i = text.indexOf(MARK, i + 1)) found++;
  return found === marks ? text.replace(MARKED, "$1") : stringifyExact(value);
}

const MARK = "\uf8ff";
const MARKED = /"\uf8ff(-?[0-9]+)"/g;
let marks = 0;

/** value with each bigint replaced by its marked string; throws on a non-finite number. */
function withoutBigInts(value: JsonValue): JsonValue {
  switch (typeof value) {
    case "bigint":
      marks++;
      return MARK + value.toString();
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("JSON has no spelling for " + String(value));
      return value;
    case "object":
      if (value === null) return value;
      return Array.isArray(value) ? arrayWithoutBigInts(value) : objectWithoutBigInts(value);
    default:
      return value;
  }
}

function arrayWithoutBigInts(array: JsonValue[]): JsonValue[] {
  let copy: JsonValue[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    const written = withoutBigInts(item === undefined ? NaN : item);
    if (written !== item) (copy ??= array.slice())[i] = written;
  }
  return copy ?? array;
}

function objectWithoutBigInts(object: JsonObject): JsonObject {
  let copy: JsonObject | undefined;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item === undefined) continue;
    const written = withoutBigInts(item);
    if (written !== item) put((copy ??= { ...object }), key, written);
  }
  return copy ?? object;
}

function stringifyExact(value: JsonValue): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("JSON has no spelling for " + String(value));
      return JSON.stringify(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) return "[" + value.map((item) => stringifyExact(item)).join(",") + "]";
      const parts: string[] = [];
      for (const key of Object.keys(value)) {
        const item = value[key];
        if (item !== undefined) parts.push(JSON.stringify(key) + ":" + stringifyExact(item));
      }
      return "{" + parts.join(",") + "}";
    }
    default:
      throw new TypeError("not a JSON value: " + typeof value);
  }
}
`;
