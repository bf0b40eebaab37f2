import { RUNTIME_JSON_SOURCE } from "./runtime-json-source.js";
import { RUNTIME_WRITE_SOURCE } from "./runtime-write-source.js";

/**
 * The text of the generated runtime.ts: lossless JSON parse/stringify (runtime-json-source.ts) and
 * the decode/encode helpers every generated module imports as `rt`. It is constant (independent of
 * the schemas), so it lives here as source text; the compile test type-checks it with the
 * strictest flags. No template literals or `${` inside but the two that insert the JSON and the
 * writing parts, so String.raw keeps it verbatim.
 */
export const RUNTIME_SOURCE = String.raw`/**
 * Runtime for the generated TypeScript: a JSON parser that keeps big integers exact, its
 * stringifier, and the helpers the generated decoders and encoders call. No dependencies; needs an
 * ES2020 library (bigint).
 */

/**
 * Any JSON value. Integers beyond ±(2^53 − 1) are bigint so that no digit is lost; every other
 * number is a number, as JSON.parse gives it.
 */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Decodes one value found at a JSON pointer. */
export type Decoder<T> = (value: JsonValue, pointer: string) => T;

/** Wire names an object decoder knows (declared names, former names, a union's tag). */
export type KeySet = ReadonlySet<string>;

/** A value whose JSON kind or range does not fit the schema. */
export class DecodeError extends Error {
  /** JSON pointer (RFC 6901) of the offending value; "" is the whole document. */
  readonly pointer: string;

  constructor(pointer: string, message: string) {
    super((pointer === "" ? "at the document root" : "at " + pointer) + ": " + message);
    this.name = "DecodeError";
    this.pointer = pointer;
  }
}

${RUNTIME_JSON_SOURCE}
/** A JSON kind; integers (bigint, or an integral number) are told apart from other numbers. */
export type JsonKind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

export function kindOf(value: JsonValue): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "bigint":
      return "integer";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    default:
      return "object";
  }
}

/** The error for a value of the wrong kind. */
export function mismatch(pointer: string, expected: string, value: JsonValue): DecodeError {
  return new DecodeError(pointer, "expected " + expected + ", found " + kindOf(value));
}

/** The pointer of a property or item under pointer (RFC 6901 escaping). */
export function child(pointer: string, key: string): string {
  if (!key.includes("~") && !key.includes("/")) return pointer + "/" + key;
  return pointer + "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Sets a property, as an own property even for "__proto__". */
export function put<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

export function keySet(keys: readonly string[]): KeySet {
  return new Set(keys);
}

export function expectObject(value: JsonValue, pointer: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw mismatch(pointer, "an object", value);
  return value;
}

/** An own property of a JSON object, or undefined when absent. */
export function get(object: JsonObject, key: string): JsonValue | undefined {
  return hasOwn.call(object, key) ? object[key] : undefined;
}

/** The first of keys (a wire name, then its former names) present in object, and its value. */
export function getAliased(object: JsonObject, keys: readonly [string, ...string[]]): [string, JsonValue | undefined] {
  for (const key of keys) {
    if (hasOwn.call(object, key)) return [key, object[key]];
  }
  return [keys[0], undefined];
}

/** The value of a required property; absent is an error. */
export function present(value: JsonValue | undefined, pointer: string, key: string): JsonValue {
  if (value === undefined) throw new DecodeError(pointer, "missing required property " + JSON.stringify(key));
  return value;
}

export function decodeString(value: JsonValue, pointer: string): string {
  if (typeof value !== "string") throw mismatch(pointer, "a string", value);
  return value;
}

export function decodeBoolean(value: JsonValue, pointer: string): boolean {
  if (typeof value !== "boolean") throw mismatch(pointer, "a boolean", value);
  return value;
}

export function decodeNumber(value: JsonValue, pointer: string): number {
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "number") throw mismatch(pointer, "a number", value);
  return value;
}

const INT64_MIN = BigInt("-9223372036854775808");
const INT64_MAX = BigInt("9223372036854775807");

/** An integer width: name and range (i64 as a number: the integers a double holds exactly). */
type Width = readonly [string, number, number];
const WIDTHS: { [bits: number]: readonly [Width, Width] } = {
  8: [["int8", -128, 127], ["uint8", 0, 255]],
  16: [["int16", -32768, 32767], ["uint16", 0, 65535]],
  32: [["int32", -2147483648, 2147483647], ["uint32", 0, 4294967295]],
  64: [["int64 within ±(2^53 - 1)", -9007199254740991, 9007199254740991], ["int64 within ±(2^53 - 1)", -9007199254740991, 9007199254740991]],
};

function decodeWidth(value: JsonValue, pointer: string, [name, min, max]: Width): number {
  if (typeof value === "number" && Number.isInteger(value)) {
    if (value >= min && value <= max) return value;
    throw new DecodeError(pointer, "integer out of " + name + " range: " + String(value));
  }
  if (typeof value === "bigint") throw new DecodeError(pointer, "integer out of " + name + " range: " + String(value));
  throw mismatch(pointer, "an integer", value);
}

function widthDecoder(bits: 8 | 16 | 32 | 64, unsigned: boolean): Decoder<number> {
  const width = WIDTHS[bits]![unsigned ? 1 : 0]!;
  return (value, pointer) => decodeWidth(value, pointer, width);
}

/** Integers whose values a double holds exactly (i8 ... u32, or a bounded i64), as numbers. */
export const decodeInt8: Decoder<number> = widthDecoder(8, false);
export const decodeUint8: Decoder<number> = widthDecoder(8, true);
export const decodeInt16: Decoder<number> = widthDecoder(16, false);
export const decodeUint16: Decoder<number> = widthDecoder(16, true);
export const decodeInt32: Decoder<number> = widthDecoder(32, false);
export const decodeUint32: Decoder<number> = widthDecoder(32, true);
export const decodeInt53: Decoder<number> = widthDecoder(64, false);

/** A 64-bit integer as a double, for the number-lossy policy: beyond ±(2^53 - 1) it rounds. */
export function decodeInt64Lossy(value: JsonValue, pointer: string): number {
  return Number(decodeInt64(value, pointer));
}

/** A 64-bit integer under the string policy: a decimal string, or (leniency on read) a number. */
export function decodeInt64String(value: JsonValue, pointer: string): bigint {
  if (typeof value !== "string") return decodeInt64(value, pointer);
  if (!/^(0|-?[1-9][0-9]*)$/.test(value)) throw new DecodeError(pointer, "expected an integer as a decimal string, got " + JSON.stringify(value));
  const n = BigInt(value);
  if (n < INT64_MIN || n > INT64_MAX) throw new DecodeError(pointer, "integer out of int64 range: " + value);
  return n;
}

export function decodeInt64(value: JsonValue, pointer: string): bigint {
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value !== "bigint") throw mismatch(pointer, "an integer", value);
  if (value < INT64_MIN || value > INT64_MAX) throw new DecodeError(pointer, "integer out of int64 range: " + String(value));
  return value;
}

const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** An int64 as a JSON value: a number when one holds it exactly (JSON.stringify writes those), else the bigint. */
export function encodeInt64(value: bigint): JsonValue {
  return value >= SAFE_MIN && value <= SAFE_MAX ? Number(value) : value;
}

/** True when value is an integer that fits in an integer of the given width. */
export function fitsInteger(value: JsonValue, bits: 8 | 16 | 32 | 64, unsigned: boolean = false): boolean {
  if (typeof value === "bigint") return bits === 64 && value >= INT64_MIN && value <= INT64_MAX;
  if (typeof value !== "number" || !Number.isInteger(value)) return false;
  if (bits === 64) return true;
  const [, min, max] = WIDTHS[bits]![unsigned ? 1 : 0]!;
  return value >= min && value <= max;
}

/** Any JSON value, kept as parsed. */
export function decodeRaw(value: JsonValue, _pointer: string): JsonValue {
  return value;
}

export function decodeNullable<T>(value: JsonValue, pointer: string, decode: Decoder<T>): T | null {
  return value === null ? null : decode(value, pointer);
}

export function decodeArray<T>(value: JsonValue, pointer: string, decode: Decoder<T>): T[] {
  if (!Array.isArray(value)) throw mismatch(pointer, "an array", value);
  return value.map((item, i) => decode(item, pointer + "/" + String(i)));
}

/** A fixed-length array whose items have their own types. */
export function decodeTuple<T extends unknown[]>(value: JsonValue, pointer: string, decoders: { [K in keyof T]: Decoder<T[K]> }): T {
  if (!Array.isArray(value)) throw mismatch(pointer, "an array", value);
  if (value.length !== decoders.length) {
    throw new DecodeError(pointer, "expected " + String(decoders.length) + " items, found " + String(value.length));
  }
  return decoders.map((decode: Decoder<unknown>, i) => decode(value[i] ?? null, pointer + "/" + String(i))) as T;
}

export function decodeMap<T>(value: JsonValue, pointer: string, decode: Decoder<T>): { [key: string]: T } {
  const object = expectObject(value, pointer);
  const out: { [key: string]: T } = {};
  for (const key of Object.keys(object)) put(out, key, decode(get(object, key) ?? null, child(pointer, key)));
  return out;
}

/** The properties of object not in known, or undefined when there are none. */
export function rest(object: JsonObject, known: KeySet): JsonObject | undefined {
  let out: JsonObject | undefined;
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    out ??= {};
    put(out, key, get(object, key) ?? null);
  }
  return out;
}

/** As rest, decoding each value (additionalProperties with a schema). */
export function restTyped<T>(object: JsonObject, known: KeySet, pointer: string, decode: Decoder<T>): { [key: string]: T } | undefined {
  let out: { [key: string]: T } | undefined;
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    out ??= {};
    put(out, key, decode(get(object, key) ?? null, child(pointer, key)));
  }
  return out;
}

/** Writes kept unknown properties; a declared property of the same name wins. */
export function putExtra(target: JsonObject, extra: { [key: string]: JsonValue }, known: KeySet): void {
  for (const key of Object.keys(extra)) {
    const value = extra[key];
    if (value !== undefined && !known.has(key)) put(target, key, value);
  }
}

export function mapValues<T>(map: { [key: string]: T }, encode: (value: T) => JsonValue): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value !== undefined) put(out, key, encode(value));
  }
  return out;
}

${RUNTIME_WRITE_SOURCE}`;
