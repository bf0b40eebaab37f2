/** not, if/then/else, dependencies / dependentRequired / dependentSchemas, combinators and $ref. */
import { b, D07, i, o, pair, s, type Pair } from "./table.js";

const kindIs = (v: string) => ({ properties: { kind: { const: v } }, required: ["kind"] });
const base = { kind: s, x: s, y: s };
const cond = (extra: Record<string, unknown>) => o(base, extra);
const betaOn = { properties: { beta: { const: true } }, required: ["beta"] };
const defs = { $defs: { addr: { type: "object", properties: { city: s } } } };

/** An update of a dependency configuration: a schedule unless it joins a group, exactly one of directory and directories. */
const update = (more: unknown[]) => ({
  type: "object", additionalProperties: false, required: ["eco"],
  properties: { eco: { enum: ["npm", "docker"] }, directory: s, directories: { type: "array", items: s }, group: s, registries: s, schedule: { type: "object", properties: { interval: { enum: ["daily", "weekly"] }, time: s }, required: ["interval"] } },
  allOf: [{ if: { not: { required: ["group"] } }, then: { required: ["schedule"] } }, { oneOf: [{ required: ["directory"] }, { required: ["directories"] }] }, ...more],
});
const config = (u: unknown) => o({ version: { const: 2 }, updates: { type: "array", minItems: 1, items: { $ref: "#/$defs/update" } } }, { required: ["version", "updates"], additionalProperties: false, $defs: { update: u } });

export const LOGIC: Pair[] = [
  pair("not added", o({ legacy: s }), o({ legacy: s }, { not: { required: ["legacy"] } }), "break", "ok"),
  pair("not removed", o({ legacy: s }, { not: { required: ["legacy"] } }), o({ legacy: s }), "ok", "break"),
  pair("not narrowed (forbids less)", { type: "string", not: { maxLength: 3 } }, { type: "string", not: { maxLength: 1 } }, "ok", "break"),
  pair("not widened (forbids more)", { type: "string", not: { maxLength: 1 } }, { type: "string", not: { maxLength: 3 } }, "break", "ok"),
  pair("not: enum of forbidden values shrinks", { type: "string", not: { enum: ["a", "b"] } }, { type: "string", not: { enum: ["a"] } }, "ok", "break"),
  pair("not: forbidden value replaced", { type: "string", not: { const: "x" } }, { type: "string", not: { const: "y" } }, "break", "break"),
  pair("not: null forbidden on a nullable string", { type: ["string", "null"] }, { type: ["string", "null"], not: { type: "null" } }, "break", "ok"),
  pair("not on a property added", o({ a: s }), o({ a: { type: "string", not: { const: "" } } }), "break", "ok"),
  pair("not whose subschema cannot match old data added", o({ a: s }), o({ a: s }, { not: { required: ["zzz"], properties: { zzz: false } } }), "ok", "ok"),
  pair("if/then added", cond({}), cond({ if: kindIs("a"), then: { required: ["x"] } }), "break", "ok"),
  pair("if/then removed", cond({ if: kindIs("a"), then: { required: ["x"] } }), cond({}), "ok", "break"),
  pair("then widened (same if)", cond({ if: kindIs("a"), then: { required: ["x", "y"] } }), cond({ if: kindIs("a"), then: { required: ["x"] } }), "ok", "break"),
  pair("then narrowed (same if)", cond({ if: kindIs("a"), then: { required: ["x"] } }), cond({ if: kindIs("a"), then: { required: ["x", "y"] } }), "break", "ok"),
  pair("else added", cond({ if: kindIs("a"), then: { required: ["x"] } }), cond({ if: kindIs("a"), then: { required: ["x"] }, else: { required: ["y"] } }), "break", "ok"),
  pair("else removed", cond({ if: kindIs("a"), then: { required: ["x"] }, else: { required: ["y"] } }), cond({ if: kindIs("a"), then: { required: ["x"] } }), "ok", "break"),
  pair("if condition changed", cond({ if: kindIs("a"), then: { required: ["x"] } }), cond({ if: kindIs("b"), then: { required: ["x"] } }), "break", "break"),
  pair("then added to a lone if", cond({ if: kindIs("a") }), cond({ if: kindIs("a"), then: { required: ["x"] } }), "break", "ok"),
  pair("a lone if added (no effect)", cond({}), cond({ if: kindIs("a") }), "ok", "ok"),
  pair("if/then/else in draft-07 added", { ...cond({}), $schema: D07 }, { ...cond({ if: kindIs("a"), then: { required: ["x"] } }), $schema: D07 }, "break", "ok"),
  pair(
    "then and else the same: the condition does not matter",
    { type: "string", if: { minLength: 3 }, then: { maxLength: 8 }, else: { maxLength: 8 } }, { type: "string", maxLength: 8 }, "ok", "ok",
  ),
  pair("dependentRequired added", o({ a: s, b: s }), o({ a: s, b: s }, { dependentRequired: { a: ["b"] } }), "break", "ok"),
  pair("dependentRequired removed", o({ a: s, b: s }, { dependentRequired: { a: ["b"] } }), o({ a: s, b: s }), "ok", "break"),
  pair("dependentRequired widened", o({}, { dependentRequired: { a: ["b", "c"] } }), o({}, { dependentRequired: { a: ["b"] } }), "ok", "break"),
  pair("dependentRequired narrowed", o({}, { dependentRequired: { a: ["b"] } }), o({}, { dependentRequired: { a: ["b", "c"] } }), "break", "ok"),
  pair("dependentRequired added where the dependency is already required", o({ a: s, b: s }, { required: ["b"] }), o({ a: s, b: s }, { required: ["b"], dependentRequired: { a: ["b"] } }), "ok", "ok"),
  pair("draft-07 dependencies (array) added", { ...o({}), $schema: D07 }, { ...o({}, { dependencies: { a: ["b"] } }), $schema: D07 }, "break", "ok"),
  pair("draft-07 dependencies (array) rewritten as dependentRequired", { ...o({}, { dependencies: { a: ["b"] } }), $schema: D07 }, o({}, { dependentRequired: { a: ["b"] } }), "ok", "ok"),
  pair("dependentSchemas added", o({}), o({}, { dependentSchemas: { a: { required: ["b"] } } }), "break", "ok"),
  pair("dependentSchemas removed", o({}, { dependentSchemas: { a: { required: ["b"] } } }), o({}), "ok", "break"),
  pair("dependentSchemas widened", o({}, { dependentSchemas: { a: { properties: { b: s } } } }), o({}, { dependentSchemas: { a: { properties: { b: { type: ["string", "integer"] } } } } }), "ok", "break"),
  pair("dependentSchemas narrowed", o({}, { dependentSchemas: { a: { properties: { b: { type: ["string", "integer"] } } } } }), o({}, { dependentSchemas: { a: { properties: { b: s } } } }), "break", "ok"),
  pair("draft-07 dependencies (schema) rewritten as dependentSchemas", { ...o({}, { dependencies: { a: { required: ["b"] } } }), $schema: D07 }, o({}, { dependentSchemas: { a: { required: ["b"] } } }), "ok", "ok"),
  pair("dependencies: schema form rewritten as array form", { ...o({}, { dependencies: { a: { required: ["b"] } } }), $schema: D07 }, { ...o({}, { dependencies: { a: ["b"] } }), $schema: D07 }, "ok", "ok"),
  pair("dependentRequired on a property the object can never have", o({ a: s }, { additionalProperties: false }), o({ a: s }, { additionalProperties: false, dependentRequired: { z: ["a"] } }), "ok", "ok"),
  pair("oneOf → anyOf over disjoint branches", { oneOf: [s, i] }, { anyOf: [s, i] }, "ok", "ok"),
  pair("oneOf → anyOf over overlapping branches", { type: "object", oneOf: [{ required: ["a"] }, { required: ["b"] }] }, { type: "object", anyOf: [{ required: ["a"] }, { required: ["b"] }] }, "ok", "break"),
  pair("anyOf → oneOf over overlapping branches", { type: "object", anyOf: [{ required: ["a"] }, { required: ["b"] }] }, { type: "object", oneOf: [{ required: ["a"] }, { required: ["b"] }] }, "break", "ok"),
  pair("branch added to anyOf", { type: "object", anyOf: [{ required: ["a"] }, { required: ["b"] }] }, { type: "object", anyOf: [{ required: ["a"] }, { required: ["b"] }, { required: ["c"] }] }, "ok", "break"),
  pair("branch removed from anyOf", { type: "object", anyOf: [{ required: ["a"] }, { required: ["b"] }, { required: ["c"] }] }, { type: "object", anyOf: [{ required: ["a"] }, { required: ["b"] }] }, "break", "ok"),
  pair("allOf → anyOf (fewer constraints)", o({ a: s, b: s }, { allOf: [{ required: ["a"] }, { required: ["b"] }] }), o({ a: s, b: s }, { anyOf: [{ required: ["a"] }, { required: ["b"] }] }), "ok", "break"),
  pair("anyOf → allOf (more constraints)", o({ a: s, b: s }, { anyOf: [{ required: ["a"] }, { required: ["b"] }] }), o({ a: s, b: s }, { allOf: [{ required: ["a"] }, { required: ["b"] }] }), "break", "ok"),
  pair("allOf → oneOf over overlapping branches", o({ a: s, b: s }, { allOf: [{ required: ["a"] }, { required: ["b"] }] }), o({ a: s, b: s }, { oneOf: [{ required: ["a"] }, { required: ["b"] }] }), "break", "break"),
  pair("allOf member added with a tighter bound", { allOf: [s] }, { allOf: [s, { maxLength: 5 }] }, "break", "ok"),
  pair("allOf split into members (same set)", { type: "string", minLength: 1, maxLength: 5 }, { allOf: [{ type: "string", minLength: 1 }, { maxLength: 5 }] }, "ok", "ok"),
  pair("$ref replaced by its content", o({ home: { $ref: "#/$defs/addr" } }, defs), o({ home: { type: "object", properties: { city: s } } }, defs), "ok", "ok", { silent: true }),
  pair("inline content replaced by a $ref", o({ home: { type: "object", properties: { city: s } } }, defs), o({ home: { $ref: "#/$defs/addr" } }, defs), "ok", "ok", { silent: true }),
  pair("$ref target changed inside", o({ home: { $ref: "#/$defs/addr" } }, defs), o({ home: { $ref: "#/$defs/addr" } }, { $defs: { addr: { type: "object", properties: { city: s }, required: ["city"] } } }), "break", "ok"),
  pair("union by kind gains a kind", { anyOf: [s, i] }, { anyOf: [s, i, { type: "boolean" }] }, "ok", "break"),
  pair("union by kind loses a kind", { anyOf: [s, i, { type: "boolean" }] }, { anyOf: [s, i] }, "break", "ok"),
  // Logic that turns on presence or on a tag: decided case by case (src/lint/inclusion/cases.ts).
  pair(
    "if/then/else on presence rewritten as if-not/then (same set)",
    o({ g: s, sched: s, eco: s }, { required: ["eco"], allOf: [{ if: { required: ["g"] }, then: { required: ["eco"] }, else: { required: ["eco", "sched"] } }] }),
    o({ g: s, sched: s, eco: s }, { required: ["eco"], allOf: [{ if: { not: { required: ["g"] } }, then: { properties: { sched: s }, required: ["sched"] } }] }),
    "ok", "ok",
  ),
  pair(
    "required moved from a conditional into the node (same set)",
    o({ g: s, eco: s }, { if: { required: ["g"] }, then: { required: ["eco"] }, else: { required: ["eco"] } }),
    o({ g: s, eco: s }, { required: ["eco"] }),
    "ok", "ok",
  ),
  pair(
    "tagged oneOf gains the branch its catch-all already excluded",
    { type: "object", oneOf: [{ not: { required: ["t"], properties: { t: { enum: ["a", "b"] } } } }, { properties: { t: { const: "a" } } }] },
    { type: "object", oneOf: [{ not: { required: ["t"], properties: { t: { enum: ["a", "b"] } } } }, { properties: { t: { const: "a" } } }, { properties: { t: { const: "b" } } }] },
    "ok", "break",
  ),
  pair(
    "tagged oneOf: one branch's value list loses a value",
    { type: "object", required: ["t"], oneOf: [{ properties: { t: { const: "a" }, v: { enum: ["x", "y"] } } }, { properties: { t: { const: "b" } } }] },
    { type: "object", required: ["t"], oneOf: [{ properties: { t: { const: "a" }, v: { enum: ["x"] } } }, { properties: { t: { const: "b" } } }] },
    "break", "ok",
  ),
  pair(
    "a value dropped deep inside a required object's array items",
    o({ cfg: { type: "object", required: ["items"], properties: { items: { type: "array", items: { type: "object", required: ["k"], properties: { k: { enum: ["a", "b", "c"] } } } } } } }, { required: ["cfg"], allOf: [{ if: { required: ["x"] }, then: { required: ["cfg"] } }] }),
    o({ cfg: { type: "object", required: ["items"], properties: { items: { type: "array", items: { type: "object", required: ["k"], properties: { k: { enum: ["a", "b"] } } } } } } }, { required: ["cfg"], allOf: [{ if: { required: ["x"] }, then: { required: ["cfg"] } }] }),
    "break", "ok",
  ),
  // Data that shows these breaks must be a whole valid instance built through allOf, if/then and
  // oneOf (src/lint/inclusion/build.ts), with the change deep inside it.
  pair(
    "enum value added under the else of a root conditional, inside array items",
    o({ beta: b, updates: { type: "array", items: { type: "object", properties: { eco: s } } } }, { if: { properties: { beta: { const: true } }, required: ["beta"] }, then: {}, else: { properties: { updates: { items: { properties: { eco: { enum: ["npm", "pip"] } } } } } } }),
    o({ beta: b, updates: { type: "array", items: { type: "object", properties: { eco: s } } } }, { if: { properties: { beta: { const: true } }, required: ["beta"] }, then: {}, else: { properties: { updates: { items: { properties: { eco: { enum: ["npm", "pip", "deno"] } } } } } } }),
    "ok", "break",
  ),
  // The keywords alone differ, but the whole node of each side meets the other side's keywords:
  // the comparison is made in the node's context (src/lint/compare.ts), not on the keywords cut out.
  pair(
    "else gains the types its node already gives the property (same set)",
    o({ beta: b, updates: { type: "array", items: { type: "object", properties: { eco: s } } } }, { if: betaOn, then: {}, else: { properties: { updates: { items: { properties: { eco: { enum: ["npm", "pip"] } } } } } } }),
    o({ beta: b, updates: { type: "array", items: { type: "object", properties: { eco: s } } } }, { if: betaOn, then: {}, else: { properties: { updates: { type: "array", items: { type: "object", properties: { eco: { enum: ["npm", "pip"] } } } } } } }),
    "ok", "ok",
  ),
  pair(
    "else gains implied types and its enum a value (only old validators break)",
    o({ version: i, beta: b, updates: { type: "array", items: { type: "object", properties: { eco: s }, required: ["eco"] } } }, { required: ["version", "updates"], if: betaOn, then: {}, else: { properties: { updates: { items: { properties: { eco: { enum: ["npm", "pip"] } } } } } } }),
    o({ version: i, beta: b, updates: { type: "array", items: { type: "object", properties: { eco: s }, required: ["eco"] } } }, { required: ["version", "updates"], if: betaOn, then: {}, else: { properties: { updates: { type: "array", items: { type: "object", properties: { eco: { enum: ["npm", "pip", "deno"] } } } } } } }),
    "ok", "break",
  ),
  // Below, another property widens, so the nodes as a whole differ and the conditional is judged alone.
  pair(
    "a name every case requires moved out of the conditional into the node",
    o({ g: s, sched: s, eco: s, note: s }, { allOf: [{ if: { required: ["g"] }, then: { required: ["eco"] }, else: { required: ["eco", "sched"] } }] }),
    o({ g: s, sched: s, eco: s, note: { type: ["string", "integer"] } }, { required: ["eco"], allOf: [{ if: { not: { properties: { g: {} }, required: ["g"] } }, then: { properties: { sched: s }, required: ["sched"] } }] }),
    "ok", "break", { note: "the break is note's type (type-widened); the conditional accepts the same data" },
  ),
  pair(
    "then/else required lists folded into the node's required",
    o({ interval: { enum: ["daily", "cron"] }, cron: s, note: s }, { if: { properties: { interval: { const: "cron" } } }, then: { required: ["interval", "cron"] }, else: { required: ["interval"] } }),
    o({ interval: { enum: ["daily", "cron"] }, cron: s, note: { type: ["string", "integer"] } }, { required: ["interval"], if: { properties: { interval: { const: "cron" } } }, then: { required: ["cron"] } }),
    "ok", "break", { note: "the break is note's type (type-widened); the conditional accepts the same data" },
  ),
  pair(
    "then/else folded into the node, but the node no longer requires the name (old validators break)",
    o({ interval: { enum: ["daily", "cron"] }, cron: s }, { if: { properties: { interval: { const: "cron" } } }, then: { required: ["interval", "cron"] }, else: { required: ["interval"] } }),
    o({ interval: { enum: ["daily", "cron"] }, cron: s }, { if: { properties: { interval: { const: "cron" } }, required: ["interval"] }, then: { required: ["cron"] } }),
    "ok", "break",
  ),
  pair(
    "not over patterns nothing tells apart, on an enum no value of which matches (a value added beside)",
    { type: "string", enum: ["ab", "ac"], not: { pattern: "^[0-9]+$" } }, { type: "string", enum: ["ab", "ac", "ad"], not: { pattern: "^[0-9]*[0-9]$" } },
    "ok", "break", { note: "the break is the enum value added; the not accepts the same data" },
  ),
  pair("allOf member added: a required name under a tag's condition", update([]), update([{ if: { properties: { eco: { const: "docker" } }, required: ["eco"] }, then: { required: ["registries"] } }]), "break", "ok"),
  pair("allOf member removed: a required name under a tag's condition", update([{ if: { properties: { eco: { const: "docker" } }, required: ["eco"] }, then: { required: ["registries"] } }]), update([]), "ok", "break"),
  pair(
    "allOf member added: a closed schedule for one tag, inside required array items",
    config(update([])),
    config(update([{ if: { properties: { eco: { const: "docker" } }, required: ["eco"] }, then: { properties: { schedule: { type: "object", properties: { interval: s }, additionalProperties: false } } } }])),
    "break", "ok",
  ),
];
