/** Comparing JSON values (enum members, defaults, constraint values) independent of key order. */
import { isObject, type Schema } from "./resolver.js";

export function canon(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canon).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canon(value[k])}`).join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || canon(a) === canon(b);
}

/** Which keyword holds a node's allowed values. */
export function valuesKey(schema: Schema): "enum" | "const" {
  return "const" in schema ? "const" : "enum";
}
