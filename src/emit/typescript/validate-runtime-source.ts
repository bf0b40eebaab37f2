/**
 * The text of the generated validation.ts: the interpreter of the validator tables
 * (src/emit/validate-rules.ts) that validate.ts files print. Constant apart from the shared format
 * patterns and messages, which are inserted as JSON.
 */
import { FORMAT_PATTERNS } from "../validate-formats.js";
import { MESSAGES } from "../validate-messages.js";

const BODY = String.raw`/** One broken constraint: where (JSON pointer), which keyword, and why. */
export interface ValidationError {
  pointer: string;
  keyword: string;
  message: string;
}

/**
 * One rule of a validator table. k: kind; c: child rule; cs: tuple items; n: numeric keywords
 * [keyword, limit, limit as written]; u: uniqueItems; p: pattern index; f: format; s/nv/b: allowed
 * strings/numbers/booleans; vn: null allowed; vk: "const" or "enum"; fs: fields [wire name, rule, required];
 * rq: required names without a field; x: closed; t: tag property; v: variants [tag value or JSON kind, rule].
 */
export interface Rule {
  k: string;
  c?: number;
  cs?: number[];
  n?: Array<[string, number, string]>;
  u?: boolean;
  p?: number;
  f?: string;
  s?: string[];
  nv?: number[];
  b?: boolean[];
  vn?: boolean;
  vk?: string;
  fs?: Array<[string, number, boolean]>;
  rq?: string[];
  x?: boolean;
  t?: string;
  v?: Array<[string, number]>;
}

/** A schema pattern; compiled on first use. */
export interface Pattern {
  source: string;
  compiled?: RegExp | string;
}

const FORMAT = JSON.parse(__FORMATS__) as { [name: string]: string };
const MESSAGES = JSON.parse(__MESSAGES__) as { [keyword: string]: string };
const FORMAT_RE: { [name: string]: RegExp } = {};
for (const name of Object.keys(FORMAT)) FORMAT_RE[name] = new RegExp(FORMAT[name]!);

function message(keyword: string, arg: string): string {
  return MESSAGES[keyword]!.replace("{}", arg);
}

function child(pointer: string, key: string | number): string {
  return pointer + "/" + String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

function isObject(v: Json): v is { [key: string]: Json } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isNumber(v: Json): v is number | bigint {
  return typeof v === "number" || typeof v === "bigint";
}

function isInteger(v: Json): boolean {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
}

/** Code point order, as Rust and Go sort their keys. */
function compareKeys(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function sortedKeys(o: { [key: string]: Json }): string[] {
  return Object.keys(o).sort(compareKeys);
}

/** JSON equality: numbers by value, objects without regard to key order. */
function equal(a: Json, b: Json): boolean {
  if (isNumber(a) && isNumber(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k]!, b[k]!));
  }
  return a === b;
}

/** As ajv: the quotient must print as an integer (so not beyond 1e21). */
function isMultiple(x: number, m: number): boolean {
  const q = x / m;
  return Number.isFinite(q) && Number.isInteger(q) && Math.abs(q) < 1e21;
}

function holds(keyword: string, size: number, limit: number): boolean {
  if (keyword === "multipleOf") return isMultiple(size, limit);
  if (keyword.startsWith("min")) return size >= limit;
  if (keyword.startsWith("max")) return size <= limit;
  return keyword === "exclusiveMinimum" ? size > limit : size < limit;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(s: string): boolean {
  const m = FORMAT_RE["date"]!.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

function isTime(s: string): boolean {
  const m = FORMAT_RE["time"]!.exec(s);
  if (!m || m[4] === undefined) return false;
  const hr = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3]);
  const sign = m[5] === "-" ? -1 : 1;
  const tzH = Number(m[6] ?? 0);
  const tzM = Number(m[7] ?? 0);
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // A leap second: 23:59:60 in UTC.
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** ECMAScript white space and line terminators, and t/T: what separates date and time. */
const SEPARATOR = /[tT\s]/gu;

function isDateTime(s: string): boolean {
  const parts = s.split(SEPARATOR);
  return parts.length === 2 && isDate(parts[0]!) && isTime(parts[1]!);
}

function isIpv6(s: string, ipv4 = "ipv4"): boolean {
  if (!/^[0-9A-Fa-f:.]*$/.test(s)) return false;
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  const all = groups.flat();
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && FORMAT_RE[ipv4]!.test(g)) count += 2;
    else if (FORMAT_RE["hexGroup"]!.test(g)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isUri(s: string): boolean {
  const m = FORMAT_RE["uri"]!.exec(s);
  if (!m) return false;
  const literal = m[1];
  return literal === undefined || isIpv6(literal, "uriIpv4") || FORMAT_RE["ipvFuture"]!.test(literal);
}

function checkFormat(format: string, s: string): boolean {
  switch (format) {
    case "date":
      return isDate(s);
    case "time":
      return isTime(s);
    case "date-time":
      return isDateTime(s);
    case "ipv6":
      return isIpv6(s);
    case "uri":
      return isUri(s);
    default:
      return FORMAT_RE[format]!.test(s);
  }
}

function kindName(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (isNumber(v)) return isInteger(v) ? "integer" : "number";
  return typeof v === "object" ? "object" : typeof v;
}

class Run {
  readonly errors: ValidationError[] = [];
  private readonly rules: readonly Rule[];
  private readonly patterns: readonly Pattern[];

  constructor(rules: readonly Rule[], patterns: readonly Pattern[]) {
    this.rules = rules;
    this.patterns = patterns;
  }

  private fail(pointer: string, keyword: string, arg = ""): void {
    this.errors.push({ pointer, keyword, message: message(keyword, arg) });
  }

  /** The keywords of \`r\` that apply to the kind of \`v\`. */
  private checks(r: Rule, pointer: string, v: Json): void {
    const kind = kindName(v);
    const family = kind === "string" ? "Length" : kind === "array" ? "Items" : kind === "object" ? "Properties" : "";
    const size = typeof v === "string" ? Array.from(v).length : Array.isArray(v) ? v.length : isObject(v) ? Object.keys(v).length : Number(v);
    for (const [keyword, limit, text] of r.n ?? []) {
      const own = keyword.endsWith("Length") || keyword.endsWith("Items") || keyword.endsWith("Properties") ? keyword.endsWith(family) && family !== "" : isNumber(v);
      if (!own) continue;
      if (!holds(keyword, size, limit)) this.fail(pointer, keyword, text);
    }
    if (typeof v === "string") this.string(r, pointer, v);
    if (Array.isArray(v) && r.u) this.unique(pointer, v);
    if (isObject(v)) for (const name of r.rq ?? []) if (!Object.prototype.hasOwnProperty.call(v, name)) this.fail(pointer, "required", name);
    if (r.vk) {
      const ok = v === null ? r.vn === true : typeof v === "string" ? r.s!.includes(v) : typeof v === "boolean" ? r.b!.includes(v) : isNumber(v) && r.nv!.includes(Number(v));
      if (!ok) this.fail(pointer, r.vk);
    }
  }

  private unique(pointer: string, items: readonly Json[]): void {
    for (let i = 1; i < items.length; i++) {
      for (let j = 0; j < i; j++) {
        if (equal(items[i]!, items[j]!)) return this.fail(pointer, "uniqueItems", j + " and " + i);
      }
    }
  }

  private string(r: Rule, pointer: string, v: string): void {
    if (r.p !== undefined) {
      const pattern = this.patterns[r.p]!;
      if (pattern.compiled === undefined) {
        try {
          pattern.compiled = new RegExp(pattern.source, "u");
        } catch (err) {
          pattern.compiled = (err as Error).message;
        }
      }
      if (typeof pattern.compiled === "string") {
        this.errors.push({ pointer, keyword: "pattern", message: message("patternUnsupported", JSON.stringify(pattern.source)) + pattern.compiled });
      } else if (!pattern.compiled.test(v)) this.fail(pointer, "pattern", JSON.stringify(pattern.source));
    }
    if (r.f && !checkFormat(r.f, v)) this.fail(pointer, "format", r.f);
  }

  private object(r: Rule, pointer: string, v: { [key: string]: Json }): void {
    const declared = new Set<string>();
    for (const [name, rule, required] of r.fs ?? []) {
      declared.add(name);
      if (Object.prototype.hasOwnProperty.call(v, name)) this.check(rule, child(pointer, name), v[name]!);
      else if (required) this.fail(pointer, "required", name);
    }
    if (!r.x && r.c === undefined) return;
    for (const key of sortedKeys(v)) {
      if (declared.has(key)) continue;
      if (r.x) this.fail(child(pointer, key), "additionalProperties");
      else this.check(r.c!, child(pointer, key), v[key]!);
    }
  }

  check(index: number, pointer: string, v: Json): void {
    const r = this.rules[index]!;
    const expect = (ok: boolean, type: string): boolean => {
      if (!ok) this.fail(pointer, "type", type);
      return ok;
    };
    switch (r.k) {
      case "any":
        return this.checks(r, pointer, v);
      case "ref":
        return this.check(r.c!, pointer, v);
      case "nullable":
        if (v !== null) this.check(r.c!, pointer, v);
        return;
      case "string":
      case "enum":
        if (expect(typeof v === "string", "string")) this.checks(r, pointer, v);
        return;
      case "integer":
      case "number":
        if (expect(r.k === "integer" ? isInteger(v) : isNumber(v), r.k)) this.checks(r, pointer, v);
        return;
      case "boolean":
        if (expect(typeof v === "boolean", "boolean")) this.checks(r, pointer, v);
        return;
      case "array":
      case "tuple": {
        if (!expect(Array.isArray(v), "array")) return;
        const items = v as Json[];
        if (r.k === "tuple") {
          const n = r.cs!.length;
          if (items.length < n) this.fail(pointer, "minItems", String(n));
          if (items.length > n) this.fail(pointer, "maxItems", String(n));
          items.forEach((item, i) => i < n && this.check(r.cs![i]!, child(pointer, i), item));
          return;
        }
        this.checks(r, pointer, v);
        items.forEach((item, i) => this.check(r.c!, child(pointer, i), item));
        return;
      }
      case "map":
        if (!expect(isObject(v), "object")) return;
        this.checks(r, pointer, v);
        for (const key of sortedKeys(v as { [key: string]: Json })) this.check(r.c!, child(pointer, key), (v as { [key: string]: Json })[key]!);
        return;
      case "object":
        if (!expect(isObject(v), "object")) return;
        this.checks(r, pointer, v);
        this.object(r, pointer, v as { [key: string]: Json });
        return;
      case "tagged": {
        if (!expect(isObject(v), "object")) return;
        const tag = (v as { [key: string]: Json })[r.t!];
        const variant = typeof tag === "string" ? r.v!.find(([value]) => value === tag) : undefined;
        if (variant) this.check(variant[1], pointer, v);
        else this.fail(pointer, "oneOf", JSON.stringify(r.t) + " = " + JSON.stringify(tag ?? null));
        return;
      }
      case "kinds": {
        const kind = kindName(v);
        const variant = r.v!.find(([k]) => k === kind) ?? (kind === "integer" ? r.v!.find(([k]) => k === "number") : undefined);
        if (variant) this.check(variant[1], pointer, v);
        else this.fail(pointer, "type", r.v!.map(([k]) => k).join(","));
        return;
      }
    }
  }
}

/** Every error of a value against rule "index" of a table. */
export function validate(rules: readonly Rule[], patterns: readonly Pattern[], index: number, value: JsonValue): ValidationError[] {
  const run = new Run(rules, patterns);
  run.check(index, "", value as Json);
  return run.errors;
}
`;

/** validation.ts: the table interpreter; imports only the JsonValue type from runtime.ts. */
export function validationRuntimeSource(): string {
  const body = BODY.replace("__FORMATS__", () => JSON.stringify(JSON.stringify(FORMAT_PATTERNS))).replace("__MESSAGES__", () => JSON.stringify(JSON.stringify(MESSAGES)));
  return `/**\n * Runtime of the generated validators (validate.ts): interprets their rule tables. Validation is a\n * separate call from decoding, which stays lenient.\n */\nimport type { JsonValue } from "./runtime.js";\n\n${body}`;
}
