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
 * No dependencies: SHA-256 is written out below, so these files run wherever the types do.
 */
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
  return sha256Hex(canonicalJson(value));
}

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Int32Array(64);

/** The UTF-8 bytes of a string (a lone surrogate as U+FFFD), padded as SHA-256 pads its message. */
function padded(text: string): Uint8Array {
  const bytes = new Uint8Array(Math.ceil((text.length * 3 + 9) / 64) * 64);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      bytes[n++] = 0xf0 | (c >> 18);
      bytes[n++] = 0x80 | ((c >> 12) & 63);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    }
  }
  const length = n;
  bytes[n++] = 0x80;
  const end = Math.ceil((n + 8) / 64) * 64;
  const bits = length * 8;
  bytes[end - 5] = Math.floor(bits / 2 ** 32) & 255;
  for (let i = 0; i < 4; i++) bytes[end - 1 - i] = (bits >>> (8 * i)) & 255;
  return bytes.subarray(0, end);
}

/** SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as lower-case hex. */
function sha256Hex(text: string): string {
  const bytes = padded(text);
  const h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = W;
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const j = block + 4 * t;
      w[t] = ((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] as number;
      const b = w[t - 2] as number;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
    }
    let a = h[0] as number;
    let b = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    let e = h[4] as number;
    let f = h[5] as number;
    let g = h[6] as number;
    let k = h[7] as number;
    for (let t = 0; t < 64; t++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + s1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + k;
  }
  let hex = "";
  for (let i = 0; i < 8; i++) hex += ((h[i] as number) >>> 0).toString(16).padStart(8, "0");
  return hex;
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
