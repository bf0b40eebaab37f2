/** Hand-written text of docs/rules/<id>.md; rule-docs.test.ts adds the metadata and the real output. */
const str = { type: "string" };
const int = { type: "integer" };
const obj = (properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...(required.length ? { required } : {}), ...extra });
const variant = (v: string) => ({ type: "object", properties: { kind: { const: v } }, required: ["kind"] });

export interface Doc {
  what: string;
  why: string;
  previous?: unknown;
  current?: unknown;
  files?: Record<string, unknown>;
  before?: Record<string, unknown>;
  released?: Record<string, unknown>;
  config?: Record<string, unknown>;
  mode?: string;
  fix: string;
}

export const DOCS: Record<string, Doc> = {
  "property-removed": {
    what: "A property that the previous version declares is gone from the object in the new version (and no property declares it as its former name with `x-lockstep-renamed-from`).",
    why: "Readers built from the old version that require the property reject every new record without it (Rust, Go and TypeScript decoders alike, and validators). Readers built from the new version meet the property in old data: an open object keeps it as an unknown property, a closed one drops it (and a validator rejects it). Code using the generated field no longer compiles.",
    previous: obj({ id: str, email: str }, ["id", "email"]),
    current: obj({ id: str }, ["id"]),
    fix: "Keep the property and mark it `\"deprecated\": true` instead; stop writing it later, in a version whose readers no longer require it. If it was renamed, declare the rename (`\"x-lockstep-renamed-from\": \"email\"` on the new property). If the removal is intended, allow it on the object: `\"x-lockstep-allow\": [{\"rule\": \"property-removed\", \"reason\": \"...\"}]`.",
  },
  "property-added": {
    what: "A property was added. For an open object (the default: no `additionalProperties: false`) this is compatible and only `lockstep diff` lists it. For an object that the old version closes, or whose undeclared properties the old version types with an `additionalProperties` schema, it is a warning.",
    why: "Old generated readers keep unknown properties of open objects and write them back unchanged (docs/semantics.md), so an addition is invisible to them. A closed object is different: old readers silently drop the new property (a read-modify-write loses it) and old validators reject it. With a typed `additionalProperties`, old readers decode the new property with that schema and may reject it. Unlike Confluent Schema Registry, lockstep does not flag additions to open objects: the property had no declared meaning before, and no generated writer ever writes undeclared properties on its own.",
    previous: obj({ id: str }, ["id"], { additionalProperties: false }),
    current: obj({ id: str, nickname: str }, ["id"], { additionalProperties: false }),
    fix: "Prefer open objects for records that evolve. If the object must stay closed, roll out readers of the new version before writers start sending the property.",
  },
  "property-renamed": {
    what: "A property was renamed. Undeclared (a property removed and another added with the same schema), it is an error that says so and suggests declaring the rename. Declared with `x-lockstep-renamed-from` on the new property, it is a note.",
    why: "Generated decoders accept the former names listed in `x-lockstep-renamed-from` (serde `alias`, Go, TypeScript), so readers of the new version read old data. Readers of the old version do not know the new name: if the property was required there, they reject new data (so a declared rename of a required property is still an error in `forward` and `full` mode). Code using the field must follow the new name.",
    previous: obj({ email: str }, ["email"]),
    current: obj({ mail: str }, ["mail"]),
    fix: "Declare the rename: `\"mail\": {\"type\": \"string\", \"x-lockstep-renamed-from\": \"email\"}`. If old readers must keep working, keep writing both names for a while (keep the old property, deprecated) and rename later.",
  },
  "property-became-required": {
    what: "A property that was optional is listed in `required` in the new version.",
    why: "Old data may lack it: readers of the new version reject such records unless the schema gives a `default` (generated decoders then fill it in; validators still reject). The generated field changes from optional to plain (`Option<T>` → `T`, `*T` → `T`, `x?: T` → `x: T`).",
    previous: obj({ id: str, name: str }, ["id"]),
    current: obj({ id: str, name: str }, ["id", "name"]),
    fix: "Leave it optional, or give it a `default` so that every generated reader fills it in for old data.",
  },
  "required-property-added": {
    what: "A new property is required. Without a `default` this is an error; with one it is allowed by the additive policy (a note), because every generated reader fills the default in for old data.",
    why: "Old records do not have the property. Generated readers of the new version reject them unless there is a default. JSON Schema validators never apply defaults, so a validator of the new version rejects old data either way (which makes the change an error in `backward` and `full` mode when validators count).",
    previous: obj({ id: str }, ["id"]),
    current: obj({ id: str, tenant: str }, ["id", "tenant"]),
    fix: "Make it optional, or give it a `default` (`\"tenant\": {\"type\": \"string\", \"default\": \"main\"}`).",
  },
  "required-removed": {
    what: "A property that was required is optional in the new version.",
    why: "New writers may now omit it, and readers built from the old version reject records without it: Rust and Go decoders report a missing required property, the TypeScript decoder throws, validators reject (unless the old schema gave it a default). The generated field becomes optional (`Option<T>`, `*T`, `x?: T`), which breaks code that reads it directly.",
    previous: obj({ id: str, email: str }, ["id", "email"]),
    current: obj({ id: str, email: str }, ["id"]),
    fix: "Keep it required until every reader runs the new version; or give it a `default` in the version readers are built from.",
  },
  "type-changed": {
    what: "A schema's type changed so that each side admits a JSON kind the other rejects (string → integer, object → array).",
    why: "Readers of either version reject the other's values, and the generated type changes in every language.",
    previous: obj({ zip: str }),
    current: obj({ zip: int }),
    fix: "Add a new property with the new type and deprecate the old one.",
  },
  "type-narrowed": {
    what: "A schema admits fewer JSON kinds than before (`[\"string\", \"integer\"]` → `\"string\"`, or a schema without a type gets one).",
    why: "Old data may hold the removed kinds; readers of the new version reject it. The generated type changes.",
    previous: obj({ ref: { type: ["string", "integer"] } }),
    current: obj({ ref: str }),
    fix: "Keep accepting the old kinds, or add a new property.",
  },
  "type-widened": {
    what: "A schema admits more than before: a new JSON kind (`string` → `string | integer`), integer → number, or int32 → int64.",
    why: "Readers built from the old version reject the new values (an int32 reader rejects values beyond 2^31-1, an integer reader rejects 1.5). The generated type changes (TypeScript `number` → `bigint` for int64).",
    previous: obj({ count: { type: "integer", format: "int32" } }),
    current: obj({ count: { type: "integer", format: "int64" } }),
    fix: "Add a new property with the wider type; or upgrade every reader before writers send the wider values (this is compatible in `backward` mode).",
  },
  "integer-narrowed": {
    what: "A number became an integer, or a 64-bit integer became 32-bit: by `format: int32`, or by `minimum`/`maximum` that now fit 32 bits (lockstep sizes integers by their bounds).",
    why: "Old data may hold non-integral numbers or values beyond the int32 range; readers of the new version reject them. The generated type changes (`i64` → `i32`, `bigint` → `number`).",
    previous: obj({ size: { type: "integer", format: "int64" } }),
    current: obj({ size: { type: "integer", format: "int32" } }),
    fix: "Keep `format: int64` (bounds can still document the range if you also keep the format).",
  },
  "nullable-added": {
    what: "A schema now allows `null` (`type: [\"string\", \"null\"]`, a `null` branch in `oneOf`/`anyOf`, `null` in an `enum`, OpenAPI `nullable: true`).",
    why: "Readers built from the old version meet a `null` they have no place for. For a required property: Rust and TypeScript reject it, Go silently reads the zero value. For an optional property: Rust and Go read it as absent (losing the difference between null and absent), TypeScript rejects it. Validators reject it. The generated type gains a null.",
    previous: obj({ name: str }, ["name"]),
    current: obj({ name: { type: ["string", "null"] } }, ["name"]),
    fix: "Make the property optional and omit it instead of writing null; or upgrade readers first (compatible in `backward` mode).",
  },
  "nullable-removed": {
    what: "A schema no longer allows `null`.",
    why: "Old data may hold `null`; readers of the new version reject it (or, in Go, read the zero value).",
    previous: obj({ name: { type: ["string", "null"] } }),
    current: obj({ name: str }),
    fix: "Keep `null` allowed.",
  },
  "default-changed": {
    what: "A `default` changed, was added or was removed (on the schema or beside a `$ref`).",
    why: "Generated readers fill in the default of a missing *required* property (for optional properties the default is documentation: absent stays absent). Readers of two versions then read different values from the same record. Validators ignore defaults.",
    previous: obj({ plan: { type: "string", default: "free" } }, ["plan"]),
    current: obj({ plan: { type: "string", default: "trial" } }, ["plan"]),
    fix: "Keep the old default; if the new one is intended, allow it with `x-lockstep-allow` and the reason.",
  },
  "enum-value-removed": {
    what: "A value of an `enum` (or the value of a `const`) is no longer allowed, or a value that was unrestricted became an enum.",
    why: "Generated enums are open: readers of the new version keep an unknown value (the `Unknown` variant holds the raw string) and write it back, so they read old data. JSON Schema validators of the new version reject it, and code that names the removed constant no longer compiles.",
    previous: obj({ status: { type: "string", enum: ["active", "suspended", "banned"] } }),
    current: obj({ status: { type: "string", enum: ["active", "suspended"] } }),
    fix: "Keep the value (document it as deprecated in the description). If no stored data can hold it, allow the removal with `x-lockstep-allow` and a reason.",
  },
  "enum-value-added": {
    what: "A value was added to an `enum` (a note), or the enum restriction was lifted (a warning).",
    why: "Generated enums are open, so readers of the old version keep the new value as an unknown value and write it back: the JSON stays compatible, which is why the additive policy allows it. Two things still change: validators of the old version reject the value (an error in `forward`/`full` mode when validators count), and exhaustive `match` in Rust and `never` checks in TypeScript need a new arm when the code is regenerated.",
    previous: obj({ status: { type: "string", enum: ["active", "suspended"] } }),
    current: obj({ status: { type: "string", enum: ["active", "suspended", "deleted"] } }),
    fix: "Nothing to fix for generated readers. Handle the new value where you match on the enum. If old validators must accept new data, upgrade them first.",
  },
  "union-variant-removed": {
    what: "A `oneOf`/`anyOf` lost a variant: a tag value of a discriminated union, a JSON kind of a union by kind, or a branch of another union.",
    why: "Discriminated unions are open in generated code, so readers of the new version keep old data with the removed tag as the unknown variant; validators reject it, and code using the variant no longer compiles. For a union by kind, readers of the new version reject values of the removed kind.",
    previous: { oneOf: [variant("created"), variant("deleted")] },
    current: { oneOf: [variant("created")] },
    fix: "Keep the variant (mark it deprecated).",
  },
  "union-variant-added": {
    what: "A `oneOf`/`anyOf` gained a variant. For a discriminated union (a note) old readers keep the new variant as the unknown variant; for a union by JSON kind (an error) old readers reject values of the new kind.",
    why: "Generated discriminated unions are open (docs/semantics.md): an unknown tag decodes to the unknown variant holding the whole object, which encodes back unchanged. Exhaustive matches need a new arm. A union by kind has no such fallback.",
    previous: { oneOf: [variant("created"), variant("deleted")] },
    current: { oneOf: [variant("created"), variant("deleted"), variant("renamed")] },
    fix: "Nothing for discriminated unions. For a union by kind, upgrade readers before writers send the new kind.",
  },
  "discriminator-changed": {
    what: "The tag property of a discriminated union changed, or a schema became or stopped being a discriminated union.",
    why: "Readers look for the tag where their version puts it: they decode every value of the other version as the unknown variant, and validators reject it. The generated union type changes.",
    previous: { oneOf: [variant("a"), variant("b")] },
    current: { oneOf: [{ type: "object", properties: { type: { const: "a" } }, required: ["type"] }, { type: "object", properties: { type: { const: "b" } }, required: ["type"] }] },
    fix: "Keep the tag property. Introduce a new union in a new property if the shape must change.",
  },
  "additional-properties-closed": {
    what: "An object that allowed undeclared properties is closed with `additionalProperties: false`.",
    why: "Readers of the old version keep unknown properties and write them back; readers of the new version drop them (a rewrite loses them), and validators of the new version reject old data that has them. The generated field holding unknown properties disappears.",
    previous: obj({ id: str }),
    current: obj({ id: str }, [], { additionalProperties: false }),
    fix: "Leave the object open. Generated readers keep unknown properties at no cost.",
  },
  "additional-properties-opened": {
    what: "An object that was closed (`additionalProperties: false`) now allows undeclared properties.",
    why: "Readers of the old version drop the undeclared properties that new writers keep, and old validators reject them. Rust struct literals must set the new field holding unknown properties.",
    previous: obj({ id: str }, [], { additionalProperties: false }),
    current: obj({ id: str }),
    fix: "Usually intended: upgrade readers first. Allow it with `x-lockstep-allow` on the object if that is the plan.",
  },
  "constraint-tightened": {
    what: "A validation keyword became stricter: `maxLength`, `maxItems`, `maxProperties`, `maximum` lowered; `minLength`, `minItems`, `minProperties`, `minimum` raised; `pattern`, `format`, `propertyNames`, `contains` added or changed; `multipleOf` changed so old values may not be multiples; `uniqueItems` added.",
    why: "The generated types do not enforce these keywords (docs/semantics.md), so generated readers are unaffected. A validator of the new version rejects old data outside the new constraint.",
    previous: obj({ name: { type: "string", maxLength: 100 } }),
    current: obj({ name: { type: "string", maxLength: 50 } }),
    fix: "Keep the old bound; enforce the stricter rule in the application for new writes. If all stored data already satisfies it, allow it with `x-lockstep-allow` and the reason.",
  },
  "constraint-relaxed": {
    what: "A validation keyword became looser (the opposite of `constraint-tightened`).",
    why: "Every generated reader accepts the wider data (constraints are not enforced), so the additive policy allows it and lint stays silent; `lockstep diff` lists it. A validator of the old version rejects new data outside the old bound, so it is an error in `forward` and `full` mode when validators count.",
    previous: obj({ name: { type: "string", maxLength: 50 } }),
    current: obj({ name: { type: "string", maxLength: 100 } }),
    mode: "forward",
    fix: "Upgrade validators before writers send the wider data, or set `\"targets\": [\"rust\", \"go\", \"typescript\"]` in the lint config if no validator reads this data.",
  },
  "not-comparable": {
    what: "A keyword that the generated types do not model changed: `not`, `if`/`then`/`else`, `patternProperties`, `dependentSchemas`, `unevaluatedProperties`, a `oneOf` of `required` lists, ... — or the old side has a `$ref` lint cannot follow.",
    why: "Lockstep cannot tell which data the change accepts, so it says so rather than guess.",
    previous: obj({ code: { type: "string", not: { const: "" } } }),
    current: obj({ code: { type: "string", not: { enum: ["", "none"] } } }),
    fix: "Review the change by hand. If it is fine, allow it with `x-lockstep-allow` and the reason.",
  },
  "annotation-changed": {
    what: "An annotation changed: `title`, `description`, `examples`, `$comment`, `deprecated`, `readOnly`, `writeOnly`.",
    why: "Annotations do not change which data is valid or how it decodes. The rule is off in lint and exists so that `lockstep diff` can list every change for a changelog.",
    previous: obj({ name: { type: "string", description: "Name." } }),
    current: obj({ name: { type: "string", description: "Display name.", deprecated: true } }),
    fix: "Nothing to fix.",
  },
  "type-renamed": {
    what: "The name of a generated type changed: a different `x-lockstep-name`, or a different identifier-like `title` (titles such as `User` pin type names).",
    why: "The data is unaffected, but code that names the type must use the new name.",
    previous: obj({ id: str }, [], { title: "User" }),
    current: obj({ id: str }, [], { title: "Account" }),
    fix: "Keep the name (use `description` for prose), or pin the old one with `x-lockstep-name`.",
  },
  "definition-removed": {
    what: "A definition under `$defs` (or `definitions`) of the entity file is gone.",
    why: "If the previous version referenced it, its generated type disappears and code naming it no longer compiles. An unreferenced definition generated nothing: a warning.",
    previous: { type: "object", properties: { home: { $ref: "#/$defs/Address" } }, $defs: { Address: obj({ city: str }) } },
    current: { type: "object", properties: { home: obj({ city: str }) } },
    fix: "Keep the definition and refer to it.",
  },
  "definition-added": {
    what: "A definition was added. Always compatible; off in lint, listed by `lockstep diff`.",
    why: "A new type adds to the generated code without changing anything existing.",
    previous: obj({ id: str }),
    current: { ...obj({ id: str }), $defs: { Address: obj({ city: str }) } },
    fix: "Nothing to fix.",
  },
  "entity-removed": {
    what: "An entity directory is gone although the entity exists at the `--against` revision or is recorded in `schemas/lockstep.lock.json`.",
    why: "Services built from it lose their types, and data of that entity can no longer be described.",
    before: { "user/v1.json": obj({ id: str }), "session/v1.json": obj({ token: str }) },
    files: { "user/v1.json": obj({ id: str }) },
    fix: "Keep the entity; stop using it in new code.",
  },
  "entity-added": {
    what: "An entity is new compared with the `--against` revision. Compatible; off in lint, listed in reports that show every change.",
    why: "A new entity cannot break a reader.",
    before: { "user/v1.json": obj({ id: str }) },
    files: { "user/v1.json": obj({ id: str }), "order/v1.json": obj({ id: str }) },
    fix: "Nothing to fix.",
  },
  "version-gap": {
    what: "An entity's version files skip a number (`v1.json`, `v3.json` without `v2.json`), or do not start at `v1.json`.",
    why: "Versions are numbered 1, 2, 3, ... so that \"the previous version\" is well defined. Lint reports the gap and compares the versions on either side of it.",
    files: { "user/v1.json": obj({ id: str }), "user/v3.json": obj({ id: str }) },
    fix: "Rename the files to close the gap (if v3 was never released), or restore the missing version from version control.",
  },
  "version-mutated": {
    what: "A released version was edited in place: its canonical form, or that of a file it references, no longer has the SHA-256 that `lockstep release` recorded in `schemas/lockstep.lock.json`; or the file was deleted. With `--against`, also an older version that differs from the revision compared against.",
    why: "Services in production were built from the released text. Editing it changes what lint compares against and hides the change from every rule. Formatting changes do not count (the hash is over the canonical form).",
    released: { "user/v1.json": obj({ id: str }) },
    files: { "user/v1.json": obj({ id: str, email: str }) },
    fix: "Revert the edit and make it in a new version: `lockstep new-version user` copies the newest version to the next number. A shared file referenced by released versions is immutable too: copy it for the new version.",
  },
  "name-collision": {
    what: "Two names become the same identifier after a target's case conversion: properties `firstName` and `first_name` (both `first_name` in Rust), enum values `in-progress` and `in_progress`, or two definitions whose type names collide.",
    why: "`lockstep generate` refuses such schemas, because one of the names would have to be renamed silently.",
    current: obj({ firstName: str, first_name: str }),
    fix: "Rename one of them, or pin a distinct type name with `x-lockstep-name`.",
  },
  "int64-policy": {
    what: "An integer that cannot follow the int64 policy: 64-bit integers are JSON numbers on the wire, `i64` in Rust, `int64` in Go and `bigint` in TypeScript, exact in all three. Flags `format: uint64` and bounds beyond the int64 range (errors: every generated reader rejects such values), `format: int32` with bounds beyond int32 (error), 64-bit integers spelled as strings, and integer formats on `type: number` (warnings).",
    why: "A reader in one language must not accept what another rejects, nor lose precision above 2^53.",
    current: obj({ id: { type: "integer", format: "uint64" } }),
    fix: "Use `format: int64` (with `minimum: 0` if needed); for values beyond int64, use a string with a `pattern`.",
  },
  "raw-json-fallback": {
    what: "A construct no target can express as a type (`not` alone, `if`/`then`/`else` alone, an undiscriminated union of objects, an open tuple) is generated as a raw JSON value (`serde_json::Value`, `json.RawMessage`, `JsonValue`).",
    why: "The value round-trips exactly, but nothing there is typed or checked by the generated code.",
    current: obj({ item: { anyOf: [obj({ a: str }), obj({ b: str })] } }),
    fix: "Add a discriminator (a required property with a `const` value in each variant), or make the variants differ in JSON kind.",
  },
  "ambiguous-union": {
    what: "A union without a discriminator whose variants can match the same value: two object variants, two variants of the same kind, or `oneOf` with both `integer` and `number`.",
    why: "Decoding would depend on the order of the variants, and `oneOf` makes values matching two variants invalid.",
    current: { oneOf: [obj({ a: str }), obj({ b: str })] },
    fix: "Add a discriminator: a required property with a distinct `const` in every variant.",
  },
  "unresolved-ref": {
    what: "A `$ref` that cannot be followed: a remote URL, a path outside the schemas root, a missing file or pointer, an anchor.",
    why: "The schema behind it can neither be compared nor generated. Lint reports it and goes on with the rest (`lockstep generate` stops with the same message).",
    current: obj({ address: { $ref: "https://example.com/address.json" } }),
    fix: "Copy the schema under the schemas root and refer to it by a relative path.",
  },
  "suppression-invalid": {
    what: "A suppression lint cannot accept: an `x-lockstep-allow` entry or a config suppression without a `reason`, naming an unknown rule id, or malformed.",
    why: "A suppression is a reviewable decision: the reason is what the reviewer reads. The finding it meant to allow stays reported.",
    previous: obj({ status: { enum: ["a", "b"] } }),
    current: obj({ status: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed" }] } }),
    fix: "Add a reason: `{\"rule\": \"enum-value-removed\", \"reason\": \"b was never sent\"}`, and check the rule id against docs/rules/.",
  },
  "suppression-unused": {
    what: "A suppression that matched no finding.",
    why: "Either the change it allowed is gone, or it sits on the wrong node (suppressions match on rule id and location, never on message text). A stale suppression would silently allow a future change.",
    previous: obj({ status: { enum: ["a"] } }),
    current: obj({ status: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed", reason: "stale" }] } }),
    fix: "Remove it, or move it to the node the finding names (its `anchor`: the schema object whose comparison produced the finding).",
  },
};
