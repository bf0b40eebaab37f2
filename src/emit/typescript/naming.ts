/**
 * TypeScript names and literal spelling. Identifiers derive from IR words (already collision-free
 * under camelCase/PascalCase); everything from schema text (wire names, enum values, defaults,
 * descriptions) goes through tsString or the comment sanitiser and can never break out.
 */
import { isLosslessNumber, parse } from "lossless-json";
import { camelCase, pascalCase, screamingSnakeCase, toWords } from "../../ir/casing.js";
import type { Words } from "../../ir/types.js";
import { MODULE_NAMES, PROTOTYPE_MEMBERS, RESERVED } from "./keywords.js";

function identifier(name: string): string {
  return RESERVED.has(name) || MODULE_NAMES.has(name) ? `${name}_` : name;
}

/**
 * A name conversion remembered per words array: the emitter asks for the same declaration's and
 * field's names many times (every reference, decoder, encoder and writer), and IR words never change.
 */
function perWords(convert: (name: Words) => string): (name: Words) => string {
  const known = new WeakMap<Words, string>();
  return (name) => {
    let text = known.get(name);
    if (text === undefined) {
      text = convert(name);
      known.set(name, text);
    }
    return text;
  };
}

/** Interface / type alias / enum const object name. */
export const typeName = perWords((name) => identifier(pascalCase(name)));
/**
 * Property name of a field or bag. Any identifier is a legal property name, but one that names an
 * Object.prototype member would clash with it (an object literal's `constructor` is a Function).
 */
export const propertyName = perWords(propertyText);
function propertyText(name: Words): string {
  const camel = camelCase(name);
  return PROTOTYPE_MEMBERS.has(camel) ? `${camel}_` : camel;
}
export const decoderName = perWords((name) => `${camelCase(name)}FromJson`);
export const encoderName = perWords((name) => `${camelCase(name)}ToJson`);
export const writerName = perWords((name) => `${camelCase(name)}ToText`);
export const decodeTextName = (name: Words): string => `decode${pascalCase(name)}`;
export const encodeTextName = (name: Words): string => `encode${pascalCase(name)}`;
/** Module constant holding an object's known wire names. */
export const keysName = (name: Words): string => `${screamingSnakeCase(name)}_KEYS`;
/**
 * Local holding a field's raw value in a decoder. The `f_` prefix keeps it apart from every
 * module-level name (camelCase/PascalCase have no underscore; constants are upper case).
 */
export const fieldLocal = perWords((name) => `f_${camelCase(name)}`);
/** Local holding the key a field with former names was found under. */
export const keyLocal = (name: Words): string => `k_${camelCase(name)}`;
/** Enum member key in the const object of known values. */
export const memberName = (name: Words): string => pascalCase(name);
/** The TS property a tagged union's tag becomes (the IR names the tag by wire name only). */
export const tagPropertyName = (wire: string): string => propertyText(toWords(wire, "tag"));

/** A TypeScript string literal: JSON.stringify, plus the two line separators spelled out. */
export function tsString(text: string): string {
  const json = JSON.stringify(text);
  return /[\u2028\u2029]/.test(json) ? json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : json;
}

/**
 * An object-literal key for a wire name. `__proto__` must be computed: as a plain or quoted key it
 * would set the prototype instead of adding a property.
 */
export function wireKey(wire: string): string {
  if (wire === "__proto__") return `[${tsString(wire)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(wire) ? wire : tsString(wire);
}

/** `pointer + "/<escaped wire>"` as code. */
export function pointerTo(pointerExpr: string, wire: string): string {
  return `${pointerExpr} + ${tsString(`/${wire.replace(/~/g, "~0").replace(/\//g, "~1")}`)}`;
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const PLAIN = /^[\x20-\x7e]*$/;

/** One line of comment text made inert: no `*\/`, no control characters. */
function inert(line: string): string {
  return line
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .trimEnd();
}

/** A TSDoc block for the given text lines (each may hold line breaks), or nothing. */
export function docBlock(lines: readonly string[], indent = ""): string[] {
  const out: string[] = [];
  pushDocBlock(out, lines, indent);
  return out;
}

/** docBlock(lines, indent), appended to out. */
export function pushDocBlock(out: string[], lines: readonly string[], indent = ""): void {
  // The body without leading, trailing or repeated blank lines.
  const body: string[] = [];
  for (const l of lines) {
    // Printable ASCII (the common case) has no line break or control character to deal with.
    if (PLAIN.test(l)) addBodyLine(body, l.includes("*/") ? inert(l) : l.trimEnd());
    else for (const part of l.split(LINE_BREAK)) addBodyLine(body, inert(part));
  }
  if (body.length > 0 && body[body.length - 1] === "") body.pop();
  if (body.length === 0) return;
  if (body.length === 1 && indent.length + body[0]!.length <= 100) {
    out.push(`${indent}/** ${body[0]} */`);
    return;
  }
  out.push(`${indent}/**`);
  const star = `${indent} * `;
  for (const l of body) out.push(l === "" ? `${indent} *` : star + l);
  out.push(`${indent} */`);
}

function addBodyLine(body: string[], line: string): void {
  if (line !== "" || (body.length > 0 && body[body.length - 1] !== "")) body.push(line);
}

/** Text for a `//` comment line: line breaks and control characters can't end it early. */
export function lineCommentText(text: string): string {
  return inert(text.split(LINE_BREAK).join(" "));
}

/**
 * A default (exact JSON text) as a TypeScript expression of type rt.JsonValue, spaced as the
 * formatter would. Integers beyond ±(2^53 − 1) become `BigInt("…")`, as the runtime parser
 * reads them.
 */
export function tsLiteral(json: string): string {
  return literal(parse(json));
}

function literal(value: unknown): string {
  if (isLosslessNumber(value)) {
    const text = value.value;
    return /^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text)) ? `BigInt(${tsString(text)})` : text;
  }
  if (typeof value === "string") return tsString(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${wireKey(k)}: ${literal(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}
