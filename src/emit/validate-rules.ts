/**
 * The validators' data, shared by the three emitters: a module's types flattened into one table
 * of rules (children by index, so recursion needs no forward declarations in any language). Each
 * language prints the table as literals and ships a small interpreter (its validation runtime),
 * so the three agree by construction and messages are the same text everywhere.
 *
 * Every keyword applies only to values of its own kind (minLength to strings, minimum to numbers),
 * as in JSON Schema; a rule's kind adds the type check ("any" has none).
 */
import type { Checks, Decl, JsonValue, Module, TypeExpr } from "../ir/types.js";
import { translatePattern, type PatternTranslation } from "../regex/translate.js";

export type RuleKind = "any" | "nullable" | "string" | "integer" | "number" | "boolean" | "array" | "tuple" | "map" | "object" | "enum" | "tagged" | "kinds" | "ref";

/** A numeric keyword with its limit, and the limit as the schema wrote it (for messages). */
export interface NumericCheck {
  keyword: "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties" | "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf";
  limit: number;
  text: string;
}

export interface Rule {
  kind: RuleKind;
  /** nullable's inner, array's items, map's values, ref's target, object's undeclared-property rule (-1: none). */
  child: number;
  /** tuple items. */
  children: number[];
  numeric: NumericCheck[];
  uniqueItems: boolean;
  /** Index into the module's pattern table, -1 for none. */
  pattern: number;
  /** A format the validators check (FORMATS), else "". */
  format: string;
  /** Allowed values of a scalar (const/enum), or of a string enum; nullValue: null is one. */
  strings: string[];
  nullValue: boolean;
  numbers: number[];
  booleans: boolean[];
  /** Allowed-values keyword for messages: "const" for one value, else "enum". */
  valuesKeyword: "" | "const" | "enum";
  fields: Array<{ name: string; rule: number; required: boolean }>;
  /** Required names without a field (checked on objects of any rule). */
  required: string[];
  closed: boolean;
  /** tagged: the tag property; variants by tag value. kinds: variants by JSON kind. */
  tag: string;
  variants: Array<{ key: string; rule: number }>;
}

export interface ValidatorTable {
  rules: Rule[];
  patterns: Array<{ source: string } & PatternTranslation>;
  /** Entry rule of each declaration, in module order. */
  entries: Array<{ decl: Decl; rule: number }>;
}

/** The formats the generated validators check, with ajv-formats' ("full" mode) verdicts. */
export const FORMATS = ["date-time", "date", "time", "email", "uuid", "uri", "ipv4", "ipv6"];

const NUMERIC_KEYS = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const;

/**
 * The empty list of every rule that has none (most rules have most lists empty, and a module has
 * hundreds of thousands of rules): frozen, so that filling it in place throws instead of filling all.
 */
const NONE = Object.freeze([]) as unknown as never[];

function blank(kind: RuleKind): Rule {
  return {
    kind, child: -1, children: NONE, numeric: NONE, uniqueItems: false, pattern: -1, format: "", strings: NONE, nullValue: false, numbers: NONE, booleans: NONE,
    valuesKeyword: "", fields: NONE, required: NONE, closed: false, tag: "", variants: NONE,
  };
}

function withChild(kind: RuleKind, child: number): Rule {
  const rule = blank(kind);
  rule.child = child;
  return rule;
}

class Builder {
  readonly rules: Rule[] = [];
  readonly patterns: ValidatorTable["patterns"] = [];
  private readonly declRules = new Map<string, number>();
  private readonly decls: Map<string, Decl>;
  /** Variant object id → its union's tag property. */
  private readonly tags = new Map<string, string>();

  constructor(module: Module) {
    this.decls = new Map(module.decls.map((d) => [d.id, d]));
    for (const d of module.decls) if (d.kind === "tagged-union") for (const v of d.variants) this.tags.set(v.target, d.tag);
  }

  private add(rule: Rule): number {
    this.rules.push(rule);
    return this.rules.length - 1;
  }

  decl(id: string): number {
    const known = this.declRules.get(id);
    if (known !== undefined) return known;
    const decl = this.decls.get(id);
    if (!decl) throw new Error(`validators: unknown declaration ${id}`);
    // Reserve the slot first: a declaration may refer to itself.
    const index = this.add(blank("any"));
    this.declRules.set(id, index);
    this.rules[index] = this.declRule(decl);
    return index;
  }

  private declRule(decl: Decl): Rule {
    switch (decl.kind) {
      case "object": {
        const rule = blank("object");
        const tag = this.tags.get(decl.id);
        const fields: Rule["fields"] = [];
        if (tag !== undefined) fields.push({ name: tag, rule: this.add(blank("any")), required: true });
        for (const f of decl.fields) fields.push({ name: f.wireName, rule: this.type(f.type), required: f.required });
        rule.fields = fields;
        rule.closed = decl.additional.kind === "closed";
        rule.required = decl.checks?.required ?? NONE;
        if (decl.additional.kind === "typed") rule.child = this.type(decl.additional.type);
        return rule;
      }
      case "enum": {
        const rule = blank("enum");
        rule.strings = decl.members.map((m) => m.value);
        rule.valuesKeyword = "enum";
        return rule;
      }
      case "tagged-union": {
        const rule = blank("tagged");
        rule.tag = decl.tag;
        rule.variants = decl.variants.map((v) => ({ key: v.tagValue, rule: this.decl(v.target) }));
        return rule;
      }
      case "kind-union": {
        const rule = blank("kinds");
        rule.variants = decl.variants.map((v) => ({ key: v.kind, rule: this.type(v.type) }));
        return rule;
      }
      case "alias":
        return withChild("ref", this.type(decl.type));
    }
  }

  type(t: TypeExpr): number {
    switch (t.kind) {
      case "raw": {
        const rule = this.checked("any", t.byKind?.checks);
        if (t.byKind?.format !== undefined && FORMATS.includes(t.byKind.format)) rule.format = t.byKind.format;
        return this.add(rule);
      }
      case "ref":
        return this.add(withChild("ref", this.decl(t.target)));
      case "nullable":
        return this.add(withChild("nullable", this.type(t.inner)));
      case "array": {
        const items = this.type(t.items);
        const rule = this.checked("array", t.checks);
        rule.child = items;
        return this.add(rule);
      }
      case "map": {
        const values = this.type(t.values);
        const rule = this.checked("map", t.checks);
        rule.child = values;
        return this.add(rule);
      }
      case "tuple": {
        const rule = blank("tuple");
        rule.children = t.items.map((i) => this.type(i));
        return this.add(rule);
      }
      case "string": {
        const rule = this.checked("string", t.checks);
        if (t.format !== undefined && FORMATS.includes(t.format)) rule.format = t.format;
        return this.add(rule);
      }
      case "integer":
      case "number":
      case "boolean":
        return this.add(this.checked(t.kind, t.checks));
    }
  }

  private checked(kind: RuleKind, checks: Checks | undefined): Rule {
    const rule = blank(kind);
    if (!checks) return rule;
    for (const key of NUMERIC_KEYS) {
      const limit = checks[key];
      if (typeof limit !== "number") continue;
      if (rule.numeric === NONE) rule.numeric = [];
      rule.numeric.push({ keyword: key, limit, text: String(limit) });
    }
    rule.uniqueItems = checks.uniqueItems === true;
    if (typeof checks.pattern === "string") {
      rule.pattern = this.patterns.length;
      this.patterns.push({ source: checks.pattern, ...translatePattern(checks.pattern) });
    }
    if (checks.values) setValues(rule, checks.values);
    if (checks.required) rule.required = checks.required;
    return rule;
  }
}

function setValues(rule: Rule, values: JsonValue[]): void {
  rule.valuesKeyword = values.length === 1 ? "const" : "enum";
  rule.strings = [];
  rule.numbers = [];
  rule.booleans = [];
  for (const v of values) {
    if (typeof v === "string") rule.strings.push(v);
    else if (typeof v === "number") rule.numbers.push(v);
    else if (typeof v === "boolean") rule.booleans.push(v);
    else if (v === null) rule.nullValue = true;
  }
}

const tables = new WeakMap<Module, ValidatorTable>();

/** The validator table of a module: one entry per declaration (made once, printed by every emitter). */
export function validatorTable(module: Module): ValidatorTable {
  let table = tables.get(module);
  if (!table) {
    const b = new Builder(module);
    const entries = module.decls.map((decl) => ({ decl, rule: b.decl(decl.id) }));
    table = { rules: b.rules, patterns: b.patterns, entries };
    tables.set(module, table);
  }
  return table;
}
