/**
 * The text-writing part of the generated runtime.ts (see runtime-source.ts): helpers the generated
 * `<name>ToText` writers call. A writer builds the JSON text of a typed value directly, as
 * stringifyJson(<name>ToJson(value)) would write it, without the intermediate JSON value. No
 * template literals or `${` inside, so String.raw keeps it verbatim.
 */
export const RUNTIME_WRITE_SOURCE = String.raw`/** Writes a value as JSON text (used by the generated ToText writers). */
export type Writer<T> = (value: T) => string;

/** A finite number as JSON text; non-finite numbers are an error, as in stringifyJson. */
export function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError("JSON has no spelling for " + String(value));
  return String(value);
}

export function writeString(value: string): string {
  if (typeof value !== "string") throw new TypeError("expected a string, found " + typeof value);
  return JSON.stringify(value);
}

/** A 64-bit integer (a bigint, or an integral number) as its digits. */
export function writeInteger(value: bigint): string {
  if (typeof value !== "bigint" && !Number.isInteger(value)) throw new TypeError("expected an integer, found " + String(value));
  return String(value);
}

/** Any JSON value as stringifyJson writes it; strings, numbers and literals without its checks for bigints. */
export function writeJson(value: JsonValue): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return writeNumber(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      return value === null ? "null" : stringifyJson(value);
  }
}

export function writeArray<T>(items: readonly T[], write: Writer<T>): string {
  if (items.length === 0) return "[]";
  let text = "[" + write(items[0] as T);
  for (let i = 1; i < items.length; i++) text += "," + write(items[i] as T);
  return text + "]";
}

/** A map's entries in its key order (as JSON.stringify writes them); undefined values are left out. */
export function writeMap<T>(map: { [key: string]: T }, write: Writer<T>): string {
  let text = "";
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value !== undefined) text += "," + JSON.stringify(key) + ":" + write(value);
  }
  return text === "" ? "{}" : "{" + text.slice(1) + "}";
}

/** Kept unknown properties as ',"name":value' members; a declared property of the same name wins. */
export function writeExtra<T>(extra: { [key: string]: T }, known: KeySet, write: Writer<T>): string {
  let text = "";
  for (const key of Object.keys(extra)) {
    const value = extra[key];
    if (value !== undefined && !known.has(key)) text += "," + JSON.stringify(key) + ":" + write(value);
  }
  return text;
}

/**
 * True when object's first property name is an array index. JSON.stringify writes such names
 * before all others, so an object holding one among kept unknown properties is written by
 * stringifyJson(<name>ToJson(value)) to keep that order.
 */
export function hasIndexKey(object: object): boolean {
  for (const key in object) {
    const c = key.charCodeAt(0);
    return c >= 48 && c <= 57 && String(Number(key)) === key && Number(key) < 4294967295;
  }
  return false;
}

/** An object's text with head (its first members, as '{"tag":"value"') written before the others. */
export function withHead(head: string, object: string): string {
  return object === "{}" ? head + "}" : head + "," + object.slice(1);
}
`;
