/**
 * The intermediate model: one per emitted module, built from resolved schemas before any target
 * language is involved. It is the single naming authority: every type, field, enum member and
 * union variant is named here once (as lower-case words); emitters only apply their language's
 * casing (src/ir/casing.ts) and keyword escaping.
 */

/** A name as lower-case ASCII words, e.g. ["user", "address"]. The first word starts with a letter. */
export type Words = readonly string[];

/** How a 64-bit integer travels (config "int64", `x-lockstep-int64`). */
export type IntegerPolicy = "number" | "string" | "number-lossy";

/** Any JSON value, as parsed by JSON.parse (schema defaults, examples, const values). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where a node came from: a file relative to the schemas root and a JSON pointer in it. */
export interface SourceRef {
  file: string;
  pointer: string;
}

/** Human documentation carried to doc comments. Constraints are kept here, not enforced. */
export interface Doc {
  title?: string;
  description?: string;
  deprecated?: boolean;
  examples?: JsonValue[];
  /** Validation keywords the types do not enforce, as `keyword: value` lines (minLength: 3). */
  constraints: string[];
  /** `format` of a string, kept as an exact string (uuid, date, date-time, uri, ...). */
  format?: string;
}

/**
 * Validation keywords of a scalar or container, kept structured for fixture synthesis and lint.
 * Generated types do not enforce them (they are documented). Present only when the schema has some.
 */
export interface Checks {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  /** Allowed values (enum of non-strings, or const). */
  values?: JsonValue[];
  /** Names listed in `required` that no declared property has (a map's, or an object's). */
  required?: string[];
}

/**
 * Keywords of a schema without `type` that constrain only values of their own kind (minLength
 * strings, minimum numbers, ...), kept on the raw type it becomes, for the generated validators.
 */
export interface ByKind {
  checks?: Checks;
  format?: string;
}

/** A type expression: used for fields, array items, map values, aliases and union variants. */
export type TypeExpr =
  | { kind: "string"; format?: string; checks?: Checks }
  /**
   * The narrowest width holding every value the schema allows (src/ir/integers.ts); `safe` when
   * all are within ±(2^53 − 1). `policy` (only when not safe): "string" on the wire, or
   * "number-lossy" (a double in TypeScript); absent means a JSON number, exact everywhere.
   */
  | { kind: "integer"; bits: 8 | 16 | 32 | 64; unsigned?: boolean; safe?: boolean; policy?: "string" | "number-lossy"; checks?: Checks }
  | { kind: "number"; checks?: Checks }
  | { kind: "boolean"; checks?: Checks }
  /**
   * Any JSON value kept exactly (serde_json::Value, json.RawMessage, JsonValue). `at` is the
   * schema it stands for, when that schema constrains the value (for fixtures and lint); `byKind`
   * the validation keywords it states that apply to one kind each.
   */
  | { kind: "raw"; at?: SourceRef; byKind?: ByKind }
  | { kind: "array"; items: TypeExpr; checks?: Checks }
  | { kind: "map"; values: TypeExpr; checks?: Checks }
  /** Fixed-length array (prefixItems with items: false). */
  | { kind: "tuple"; items: TypeExpr[] }
  /** null or the inner value. `inner` is never itself nullable. */
  | { kind: "nullable"; inner: TypeExpr }
  /**
   * A named declaration of the same module. `indirect` is true where this reference closes a cycle
   * of by-value containment (so Rust needs a Box, Go a pointer); arrays and maps are already
   * indirect and never mark it.
   */
  | { kind: "ref"; target: string; indirect: boolean };

export interface Field {
  name: Words;
  /** The property name on the wire, exactly as in the schema. */
  wireName: string;
  /** May be `nullable`. */
  type: TypeExpr;
  /** Listed in `required`. Optional fields keep absent distinct from null and from a value. */
  required: boolean;
  /** The schema's `default`, when it has one (numbers as doubles: use defaultJson for exact digits). */
  default?: JsonValue;
  /** The default as canonical JSON text with exact numbers (9007199254740993 stays exact). */
  defaultJson?: string;
  /** Former wire names, accepted when decoding (x-lockstep-renamed-from). */
  aliases: string[];
  doc: Doc;
  source: SourceRef;
}

/** What an object does with properties it does not declare. */
export type Additional =
  /**
   * Open object: unknown properties are kept as raw JSON in a bag called `name`. `closedInSchema`
   * is set when the schema says additionalProperties: false but other keywords (if/then,
   * patternProperties, ...) may add properties the types do not know.
   */
  | { kind: "preserve"; name: Words; closedInSchema?: boolean }
  /** additionalProperties: false. */
  | { kind: "closed" }
  /** additionalProperties: <schema>: extra properties are typed, kept in a map called `name`. */
  | { kind: "typed"; name: Words; type: TypeExpr };

interface DeclBase {
  /** Unique within the module; equal to name.join("_"). */
  id: string;
  name: Words;
  doc: Doc;
  source: SourceRef;
}

export interface ObjectDecl extends DeclBase {
  kind: "object";
  fields: Field[];
  additional: Additional;
  /** Set when this object is a variant of a tagged union; its fields then exclude the tag. */
  variantOf?: string;
  /** Validation keywords of the object itself (required names without a property). */
  checks?: Checks;
}

export interface EnumMember {
  name: Words;
  value: string;
  doc: Doc;
}

/** An open string enum: unknown values decode to the `unknownName` variant and keep the string. */
export interface EnumDecl extends DeclBase {
  kind: "enum";
  members: EnumMember[];
  unknownName: Words;
}

export interface TaggedVariant {
  name: Words;
  /** Value of the tag property for this variant. */
  tagValue: string;
  /** Id of the ObjectDecl holding the variant's other fields (its `variantOf` is this union). */
  target: string;
  doc: Doc;
}

/**
 * A discriminated union (oneOf/anyOf of objects that share a required property with a const
 * value). Open: an unknown tag value decodes to the `unknownName` variant keeping the whole object.
 */
export interface TaggedUnionDecl extends DeclBase {
  kind: "tagged-union";
  /** Wire name of the tag property. */
  tag: string;
  variants: TaggedVariant[];
  unknownName: Words;
}

export type JsonKind = "boolean" | "integer" | "number" | "string" | "array" | "object";

export interface KindVariant {
  name: Words;
  kind: JsonKind;
  type: TypeExpr;
}

/**
 * A union without a discriminator whose variants differ in JSON kind; decoded by looking at the
 * kind of the value. At most one variant per kind; both integer and number may be present (an
 * integral number then decodes as integer). Variants are in the order of JsonKind above. A null
 * branch is expressed by wrapping references to this decl in `nullable`.
 */
export interface KindUnionDecl extends DeclBase {
  kind: "kind-union";
  variants: KindVariant[];
}

/** A named type whose schema is not an object, enum or union (an entity that is an array, ...). */
export interface AliasDecl extends DeclBase {
  kind: "alias";
  type: TypeExpr;
}

export type Decl = ObjectDecl | EnumDecl | TaggedUnionDecl | KindUnionDecl | AliasDecl;

export interface Warning {
  file: string;
  pointer: string;
  message: string;
  /** Set on warnings `--strict-names` turns into errors: a name that collided and was told apart. */
  code?: "name-collision";
}

/**
 * The names a module gave, for the next version of the same entities to keep: by a key made of
 * the kind of name, where it was written (entity version files as `<entity>/v*.json`) and what it
 * names; `base` is the name it would have got on its own, `final` the one it got.
 */
export type NameRecord = Map<string, { base: Words; final: Words }>;

/** One entity version whose types a module holds. */
export interface EntityRoot {
  entity: string;
  version: number;
  /** Schema file relative to the schemas root, e.g. "user/v3.json". */
  file: string;
  /** Id of the root declaration (the entity's type). */
  root: string;
}

/**
 * A unit of emission. The root module (path []) holds the newest version of every entity; with
 * --all-versions, each older entity version gets its own module, path [entity, "v<N>"].
 */
export interface Module {
  path: string[];
  entities: EntityRoot[];
  /** Declarations in a stable order: depth-first from the entity roots (sorted by entity name). */
  decls: Decl[];
  /** SHA-256 (hex) of the canonical text of every schema file this module was built from. */
  inputsHash: string;
  /** Schema files (relative to the schemas root) this module was built from. */
  inputs: string[];
  warnings: Warning[];
  /** Every name given here (types, fields, enum members, variants), for the next version to keep. */
  names?: NameRecord;
}
