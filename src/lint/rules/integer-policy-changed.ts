/**
 * An integer's wire policy or its generated width changed (src/ir/integers.ts). "number" ↔
 * "string" changes what is on the wire (readers accept a number under "string", never a string
 * under "number"); "number-lossy" changes the TypeScript type and rounds beyond 2^53; a new width
 * (u8 → u16, i16 → u16, a bound that makes an i64 a `number` in TypeScript) changes the generated
 * types and which values their readers accept. Changes between 32 and 64 bits are
 * integer-narrowed's and type-widened's.
 */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { integerRange, widthName } from "../../ir/integers.js";
import type { Side } from "../rule.js";
import type { View } from "../view.js";
import type { Impact } from "../types.js";

/** The policy in effect: undefined for a bounded integer (every policy gives it a `number`). */
function policyOf(v: View, side: Side): string | undefined {
  return v.intWidth?.safe ? undefined : (v.intPolicy ?? side.int64 ?? "number");
}

const TS_TYPE = (v: View, policy: string | undefined) => (v.intWidth?.safe || policy === "number-lossy" ? "number" : "bigint");

function policyImpacts(from: string, to: string): Impact[] {
  const impacts: Impact[] = [];
  if (to === "string") impacts.push(impact("old-readers", CODE, "reject the integer new writers write as a string"));
  if (from === "string") impacts.push(impact("new-readers", CODE, "reject the integer old writers wrote as a string"));
  if (to === "number-lossy") impacts.push(impact("new-readers", ["typescript"], "round integers beyond 2^53 (a double)"));
  if (from === "number-lossy") impacts.push(impact("old-readers", ["typescript"], "round integers beyond 2^53 that new writers keep exact", false));
  return impacts;
}

export default defineRule({
  meta: {
    id: "integer-policy-changed",
    description: "An integer's wire policy (number, string, number-lossy) or its generated width changed.",
    severity: "error",
    breaks: ["old-readers", "new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    if (a.union || b.union || !a.intWidth || !b.intWidth) return;
    const pa = policyOf(a, pair.old);
    const pb = policyOf(b, pair.new);
    const [ta, tb] = [TS_TYPE(a, pa), TS_TYPE(b, pb)];
    if (pa !== undefined && pb !== undefined && pa !== pb) {
      ctx.report({
        at: b.intPolicy !== undefined ? "/x-lockstep-int64" : "",
        message: `integer policy changed from "${pa}" to "${pb}" in ${pair.new.label}`,
        impacts: [...policyImpacts(pa, pb), ...(ta !== tb ? [source(`${ta} → ${tb} in TypeScript`, ["typescript"])] : [])],
        subject: "int-policy",
      });
    }
    // 32 ↔ 64 bits: integer-narrowed and type-widened say it.
    if (a.intBits !== b.intBits) return;
    const [wa, wb] = [widthName(a.intWidth), widthName(b.intWidth)];
    if (wa === wb && a.intWidth.safe === b.intWidth.safe) return;
    const [ra, rb] = [integerRange(a.intWidth), integerRange(b.intWidth)];
    const impacts: Impact[] = [];
    if (rb[0] < ra[0] || rb[1] > ra[1]) impacts.push(impact("old-readers", CODE, `reject values outside the ${wa} range`));
    if (rb[0] > ra[0] || rb[1] < ra[1]) impacts.push(impact("new-readers", CODE, `reject values outside the ${wb} range`));
    const changed = [wa !== wb ? `${wa} → ${wb} in Rust and Go` : "", ta !== tb ? `${ta} → ${tb} in TypeScript` : ""].filter(Boolean);
    impacts.push(source(changed.join(", "), wa !== wb ? CODE : ["typescript"]));
    ctx.report({
      at: b.schema.format !== a.schema.format && b.schema.format !== undefined ? "/format" : "",
      message: `integer width changed from ${wa} to ${wb} in ${pair.new.label}${ta !== tb ? ` (TypeScript ${ta} → ${tb})` : ""}`,
      impacts,
      subject: "int-width",
    });
  },
});
