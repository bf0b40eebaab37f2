/**
 * Canonical JSON, for comparing what a decoder/encoder wrote with what it read. As RFC 8785
 * (JCS): keys sorted by UTF-16 code units, no white space, strings as ECMAScript prints them, and
 * non-integral numbers in ECMAScript's shortest form. Unlike JCS, integral numbers below 1e21 are
 * printed exactly (not via a double), so 2^53 + 1 and int64 limits compare exactly.
 */
import { isLosslessNumber, parse } from "lossless-json";

/** Canonical spelling of a JSON number literal. */
export function canonicalNumber(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new Error(`not a JSON number: ${text}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  const digits = (int! + frac).replace(/^0+(?=\d)/, "");
  const shift = Number(exp) - frac.length;
  const trimmed = digits.replace(/0+$/, "");
  const zerosAtEnd = digits.length - trimmed.length;
  const integral = shift >= 0 || zerosAtEnd >= -shift;
  if (integral && trimmed === "") return "0";
  if (integral && trimmed.length + zerosAtEnd + shift <= 21) {
    const value = shift >= 0 ? BigInt(digits) * 10n ** BigInt(shift) : BigInt(digits) / 10n ** BigInt(-shift);
    if (value < 10n ** 21n) return (sign === "-" ? "-" : "") + value.toString();
  }
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`number out of double range: ${text}`);
  return Object.is(n, -0) ? "0" : String(n);
}

function write(value: unknown): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (isLosslessNumber(value)) return canonicalNumber(value.value);
  if (Array.isArray(value)) return `[${value.map(write).join(",")}]`;
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(",")}}`;
  }
  throw new Error(`not a JSON value: ${String(value)}`);
}

/** Canonical form of a JSON text. Throws on invalid JSON. */
export function canonicalize(text: string): string {
  return write(parse(text));
}

/** True when two JSON texts have the same canonical form. */
export function sameJson(a: string, b: string): boolean {
  return canonicalize(a) === canonicalize(b);
}
