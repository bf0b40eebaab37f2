/**
 * The int64 policy (lockstep.config.json "int64", `x-lockstep-int64`): 64-bit integers are i64 in
 * Rust, int64 in Go and bigint in TypeScript, exact in all three, JSON numbers or (policy "string")
 * strings on the wire. Flags integers that cannot follow it: uint64 or bounds beyond the int64
 * range, int32 with bounds beyond int32, a policy keyword naming no policy, each integer under
 * "number-lossy" (a double in TypeScript), integers spelled as strings, and integer formats on
 * `number` (decoded as doubles).
 */
import { defineRule } from "../rule.js";
import { declaredTypes } from "../../ir/schema.js";
import { INTEGER_POLICIES, POLICY_KEYWORD, integerType, statedPolicy } from "../../ir/integers.js";

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);

function asBig(value: unknown): bigint | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return BigInt(Math.trunc(value));
}

export default defineRule({
  meta: {
    id: "int64-policy",
    description: "A 64-bit integer that does not follow the int64 policy (i64, int64, bigint, exact), or that TypeScript reads as a double (number-lossy).",
    severity: "warning",
    breaks: ["old-readers", "new-readers"],
    targets: { rust: ["wire"], go: ["wire"], typescript: ["wire"] },
    kind: "hazard",
  },
  version(v, ctx) {
    for (const { node, origin } of v.nodes()) {
      const types = declaredTypes(node) ?? [];
      const format = typeof node.format === "string" ? node.format : undefined;
      const report = (at: string, message: string, severity: "error" | "warning") =>
        ctx.report({ entity: v.entity, tree: v.side.tree, origin: { file: origin.file, pointer: origin.pointer + at }, to: v.side.version, message, severity, subject: at });
      if (types.includes("integer")) {
        const stated = node[POLICY_KEYWORD];
        if (stated !== undefined && statedPolicy(node) === undefined) {
          report(`/${POLICY_KEYWORD}`, `${POLICY_KEYWORD} must be one of ${INTEGER_POLICIES.map((p) => JSON.stringify(p)).join(", ")}; ${JSON.stringify(stated)} is ignored`, "error");
        } else if (!integerType(node).safe && (statedPolicy(node) ?? v.side.int64) === "number-lossy") {
          report(statedPolicy(node) ? `/${POLICY_KEYWORD}` : "", "integer under the number-lossy policy: TypeScript reads it as a double (number), which rounds integers beyond 2^53 (Rust i64 and Go int64 stay exact)", "warning");
        }
        if (format === "uint64") {
          report("/format", "format uint64: values above 2^63-1 do not fit i64 / int64 / the bigint decoder's int64 range, so every generated reader rejects them; use int64 with minimum 0, or a string", "error");
          continue;
        }
        const max = asBig(node.maximum);
        const min = asBig(node.minimum);
        if ((max !== undefined && max > INT64_MAX) || (min !== undefined && min < INT64_MIN)) {
          report(max !== undefined && max > INT64_MAX ? "/maximum" : "/minimum", "bounds beyond the int64 range: generated readers (i64, int64, bigint checked to 64 bits) reject values outside it", "error");
        } else if (format === "int32" && ((typeof node.maximum === "number" && node.maximum > INT32_MAX) || (typeof node.minimum === "number" && node.minimum < INT32_MIN))) {
          report("/format", "format int32 with bounds beyond the int32 range: generated readers (i32, int32, number checked to 32 bits) reject values the schema allows", "error");
        }
      } else if (types.includes("string") && (format === "int64" || format === "uint64")) {
        report("/format", `a ${format} spelled as a string: generated code types this as a plain string; for an integer written as a string (exact in every target), use type integer with "${POLICY_KEYWORD}": "string"`, "warning");
      } else if (types.includes("number") && !types.includes("integer") && (format === "int64" || format === "int32")) {
        report("/format", `type number with format ${format}: generated code decodes it as a double (f64, float64, number), which loses integers beyond 2^53; use type integer`, "warning");
      }
    }
  },
});
