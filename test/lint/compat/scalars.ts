/** pattern, format, numbers and dialect spellings; $dynamicRef, which lockstep does not follow. */
import { D04, D2020, pair, type Pair } from "./table.js";

const str = (extra: Record<string, unknown>) => ({ $schema: D2020, type: "string", ...extra });
const int = (extra: Record<string, unknown>) => ({ $schema: D2020, type: "integer", ...extra });
const num = (extra: Record<string, unknown>) => ({ $schema: D2020, type: "number", ...extra });
const CODE = ["rust", "go", "typescript"] as const;

export const SCALARS: Pair[] = [
  pair("two maxLengths in allOf: the lower holds", str({ allOf: [{ maxLength: 5 }, { maxLength: 3 }] }), str({ maxLength: 3 }), "ok", "ok"),
  pair("two maxLengths in allOf, then between them", str({ allOf: [{ maxLength: 5 }, { maxLength: 3 }] }), str({ maxLength: 4 }), "ok", "break"),
  pair("multipleOf 2 and 3 in allOf is multipleOf 6", int({ allOf: [{ multipleOf: 2 }, { multipleOf: 3 }] }), int({ multipleOf: 6 }), "ok", "ok"),
  pair("two patterns in allOf, one of them kept", str({ allOf: [{ pattern: "^a" }, { pattern: "b$" }] }), str({ pattern: "b$" }), "ok", "break"),
  pair("pattern added", str({}), str({ pattern: "^[a-z]+$" }), "break", "ok"),
  pair("pattern removed", str({ pattern: "^[a-z]+$" }), str({}), "ok", "break"),
  pair("pattern narrowed (data shows it; the reverse cannot be proved)", str({ pattern: "^[a-z]+$" }), str({ pattern: "^[a-z]{1,3}$" }), "break", "unproven"),
  pair("pattern widened (data shows it; the reverse cannot be proved)", str({ pattern: "^[a-z]{1,3}$" }), str({ pattern: "^[a-z]+$" }), "unproven", "break"),
  pair("string pattern replaced by an unrelated one", str({ pattern: "^a" }), str({ pattern: "^b" }), "break", "break"),
  pair("pattern rewritten equivalently (cannot prove)", str({ pattern: "^[a-z]+$" }), str({ pattern: "^[a-z]*[a-z]$" }), "unproven", "unproven"),
  pair("universal pattern added", str({}), str({ pattern: ".*" }), "ok", "ok"),
  pair("pattern added (generated code only)", str({}), str({ pattern: "^[a-z]+$" }), "ok", "ok", { targets: [...CODE] }),
  pair("format added", str({}), str({ format: "email" }), "break", "ok"),
  pair("format removed", str({ format: "email" }), str({}), "ok", "break"),
  pair("format email → idn-email", str({ format: "email" }), str({ format: "idn-email" }), "ok", "break"),
  pair("format uri → uri-reference", str({ format: "uri" }), str({ format: "uri-reference" }), "ok", "break"),
  pair("format date → date-time", str({ format: "date" }), str({ format: "date-time" }), "break", "break"),
  pair("format changed to one lockstep does not know", str({ format: "uuid" }), str({ format: "x-order-code" }), "unproven", "unproven"),
  pair("maxLength lowered", str({ maxLength: 10 }), str({ maxLength: 5 }), "break", "ok"),
  pair("minLength lowered", str({ minLength: 3 }), str({ minLength: 1 }), "ok", "break"),
  pair("minimum raised", int({ minimum: 0 }), int({ minimum: 1 }), "break", "ok"),
  pair("exclusiveMinimum 0 ≡ minimum 1 for integers", int({ exclusiveMinimum: 0 }), int({ minimum: 1 }), "ok", "ok"),
  pair("draft-04 boolean exclusiveMaximum rewritten for 2020-12", { $schema: D04, type: "number", maximum: 10, exclusiveMaximum: true }, num({ exclusiveMaximum: 10 }), "ok", "ok"),
  pair("multipleOf 2 → 4", int({ multipleOf: 2 }), int({ multipleOf: 4 }), "break", "ok"),
  pair("multipleOf 4 → 2", int({ multipleOf: 4 }), int({ multipleOf: 2 }), "ok", "break"),
  pair("multipleOf 1 added to an integer (no change)", int({}), int({ multipleOf: 1 }), "ok", "ok"),
  pair("enum value added", str({ enum: ["a", "b"] }), str({ enum: ["a", "b", "c"] }), "ok", "break"),
  pair("const rewritten as a one-value enum", str({ const: "a" }), str({ enum: ["a"] }), "ok", "ok"),
  pair("$dynamicRef changed", { $schema: D2020, $dynamicRef: "#node" }, { $schema: D2020, $dynamicRef: "#tree" }, "unproven", "unproven"),
];
