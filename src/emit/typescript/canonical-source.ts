/**
 * The text of the generated canonical.ts (fingerprints and structural diffs of encoded values) and
 * the fixed part of its harness, lockstep.fingerprint.test.ts. Constant, so kept as source text;
 * the rules are docs/migrations.md's ("Fingerprints and diffs") and src/fingerprint.ts is the
 * reference lockstep test compares every language with. No template literals or `${` inside.
 */
export const CANONICAL_SOURCE = String.raw`/**
 * Canonical JSON, fingerprints and structural diffs of encoded values (what the encoders write,
 * unknown properties and enum values included), the same in TypeScript, Rust and Go.
 *
 * Canonical JSON is RFC 8785 (JCS), except that an integer that fits a 64-bit integer
 * (-2^63 ... 2^64 - 1) keeps its exact digits (JCS would round it to a double beyond 2^53).
 * Needs Node (node:crypto) for the SHA-256.
 */
import { createHash } from "node:crypto";
import type { JsonObject, JsonValue } from "./runtime.js";

const INT64_MIN = -(BigInt(2) ** BigInt(63));
const UINT64_MAX = BigInt(2) ** BigInt(64) - BigInt(1);
const hasOwn = Object.prototype.hasOwnProperty;

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The names of an object's members that hold a value, in UTF-16 code unit order. */
function keysOf(object: JsonObject): string[] {
  return Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
}

/** The canonical JSON text of a value: keys sorted, no white space, numbers and strings as RFC 8785 spells them. */
export function canonicalJson(value: JsonValue): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("JSON has no spelling for " + String(value));
      return String(value);
    case "bigint":
      return value >= INT64_MIN && value <= UINT64_MAX ? value.toString() : String(Number(value));
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) return "[" + value.map((item) => canonicalJson(item)).join(",") + "]";
      const parts: string[] = [];
      for (const key of keysOf(value)) parts.push(JSON.stringify(key) + ":" + canonicalJson(value[key] as JsonValue));
      return "{" + parts.join(",") + "}";
    }
    default:
      throw new TypeError("not a JSON value: " + typeof value);
  }
}

/** Hex SHA-256 of the value's canonical JSON (UTF-8): equal values have equal fingerprints in every language. */
export function fingerprint(value: JsonValue): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}

/**
 * One difference between two values: the JSON pointer (RFC 6901, wire names) and the value on
 * each side, absent where that side has none. A null value is present.
 */
export interface Change {
  pointer: string;
  old?: JsonValue;
  "new"?: JsonValue;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function diffInto(a: JsonValue, b: JsonValue, at: string, out: Change[]): void {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...keysOf(a), ...keysOf(b)])].sort();
    for (const key of keys) {
      const pointer = at + "/" + escapePointer(key);
      const x = hasOwn.call(a, key) ? a[key] : undefined;
      const y = hasOwn.call(b, key) ? b[key] : undefined;
      if (x === undefined) out.push({ pointer, "new": y as JsonValue });
      else if (y === undefined) out.push({ pointer, old: x });
      else diffInto(x, y, pointer, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const pointer = at + "/" + String(i);
      if (i >= b.length) out.push({ pointer, old: a[i] as JsonValue });
      else if (i >= a.length) out.push({ pointer, "new": b[i] as JsonValue });
      else diffInto(a[i] as JsonValue, b[i] as JsonValue, pointer, out);
    }
    return;
  }
  if (canonicalJson(a) !== canonicalJson(b)) out.push({ pointer: at, old: a, "new": b });
}

/**
 * Where two encoded values differ, depth first: object members in UTF-16 order of their names
 * (both sides' names), array items by index. Numbers compare by their canonical spelling (2.0 is 2).
 */
export function diff(a: JsonValue, b: JsonValue): Change[] {
  const out: Change[] = [];
  diffInto(a, b, "", out);
  return out;
}

/** A list of changes as a JSON value (absent sides left out), for writing it. */
export function changesToJson(changes: readonly Change[]): JsonValue {
  return changes.map((c) => {
    const o: JsonObject = { pointer: c.pointer };
    if (c.old !== undefined) o["old"] = c.old;
    if (c["new"] !== undefined) o["new"] = c["new"];
    return o;
  });
}
`;

export const FINGERPRINT_HARNESS_BODY = String.raw`const CASES = "fingerprint-cases.jsonl";
const RESULTS = "fingerprints.jsonl";

function message(e: unknown): string {
  return e instanceof Error ? e.name + ": " + e.message : String(e);
}

test("fingerprint and diff", (t) => {
  const out = process.env["LOCKSTEP_OUT"];
  const root = process.env["LOCKSTEP_FIXTURES"];
  if (out === undefined || root === undefined || !existsSync(join(out, CASES))) {
    t.skip("run by lockstep test: needs LOCKSTEP_OUT with " + CASES + " and LOCKSTEP_FIXTURES");
    return;
  }
  const encodings = new Map<string, rt.JsonValue>();
  const encoded = (codec: Codec, fixture: string): rt.JsonValue => {
    const known = encodings.get(fixture);
    if (known !== undefined) return known;
    const value = codec.encoded(readFileSync(join(root, fixture), "utf8"));
    encodings.set(fixture, value);
    return value;
  };
  const lines: string[] = [];
  const failures: string[] = [];
  const result = (check: string, fixture: string, run: () => string): void => {
    try {
      lines.push(JSON.stringify({ check, fixture, output: run() }));
    } catch (e) {
      lines.push(JSON.stringify({ check, fixture, error: message(e) }));
      failures.push(check + " " + fixture + ": " + message(e));
    }
  };
  for (const line of readFileSync(join(out, CASES), "utf8").split("\n")) {
    if (line === "") continue;
    const c = JSON.parse(line) as { entity: string; version: number; fixture: string; other: string };
    const codec = CODECS.find((x) => x.entity === c.entity && x.version === c.version);
    result("fingerprint", c.fixture, () => {
      if (codec === undefined) throw new Error("no types for " + c.entity + " v" + String(c.version));
      const typed = canonical.fingerprint(encoded(codec, c.fixture));
      const raw = canonical.fingerprint(rt.parseJson(readFileSync(join(root, c.fixture), "utf8")));
      if (typed !== raw) throw new Error("the decoded value's fingerprint " + typed + " differs from the fixture's " + raw);
      return JSON.stringify(typed);
    });
    result("diff", c.fixture, () => {
      if (codec === undefined) throw new Error("no types for " + c.entity + " v" + String(c.version));
      const a = encoded(codec, c.fixture);
      if (canonical.diff(a, a).length > 0) throw new Error("a value differs from itself");
      return canonical.canonicalJson(canonical.changesToJson(canonical.diff(a, encoded(codec, c.other))));
    });
  }
  writeFileSync(join(out, RESULTS), lines.map((l) => l + "\n").join(""));
  if (failures.length > 0) throw new Error(String(failures.length) + " check(s) failed:\n" + failures.join("\n"));
});
`;
