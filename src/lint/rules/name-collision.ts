/**
 * Two names that become the same identifier after case conversion in some target (firstName and
 * first_name are both first_name in Rust): `lockstep generate` refuses the schema.
 */
import { toWords, TARGET_CASINGS } from "../../ir/casing.js";
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { source } from "../effects.js";

/** `file#pointer` places named in the IR's collision message. */
const PLACE = /([A-Za-z0-9_.\/-]+\.json)#(\/[^\s;()]*)?/g;

export default defineRule({
  meta: {
    id: "name-collision",
    description: "Two names collide after case conversion in some target; generation would fail.",
    severity: "error",
    breaks: ["source"],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"] },
    kind: "hazard",
  },
  version(v, ctx) {
    // The IR claims every name it generates; only when it refuses the schema are the exact places
    // worth a walk of their own (its error names the first collision only).
    const err = v.irError();
    if (!err || !/get the same name/.test(err.message)) return;
    const seen = new Set<string>();
    const check = (names: Array<{ name: string; at: string }>, origin: { file: string; pointer: string }, what: string, prefix: string) => {
      if (names.length < 2) return;
      const words = names.map(({ name }) => toWords(name, prefix));
      for (const { target, convert } of TARGET_CASINGS) {
        const owners = new Map<string, string>();
        for (const [i, { name, at }] of names.entries()) {
          const cased = convert(words[i]!);
          const first = owners.get(cased);
          if (first === undefined) {
            owners.set(cased, name);
            continue;
          }
          const pointer = origin.pointer + at;
          if (seen.has(`${origin.file}#${pointer}`)) continue;
          seen.add(`${origin.file}#${pointer}`);
          ctx.report({
            entity: v.entity, tree: v.side.tree, origin: { file: origin.file, pointer }, to: v.side.version,
            message: `${what} ${JSON.stringify(first)} and ${JSON.stringify(name)} both become ${cased} in ${target}; rename one, or pin a name with "x-lockstep-name"`,
            impacts: [source("lockstep generate refuses the schema")],
            subject: `${origin.file}#${pointer}`,
          });
        }
      }
    };
    for (const { node, origin } of v.nodes()) {
      const props = node.properties;
      if (props && typeof props === "object" && !Array.isArray(props)) {
        check(Object.keys(props).map((name) => ({ name, at: pointerFrom(["properties", name]) })), origin, "properties", "field");
      }
      if (Array.isArray(node.enum) && node.enum.every((x) => typeof x === "string")) {
        check((node.enum as string[]).map((name, i) => ({ name, at: pointerFrom(["enum", i]) })), origin, "enum values", "value");
      }
    }
    const places = [...err.message.matchAll(PLACE)].map((m) => ({ file: m[1]!, pointer: (m[2] ?? "").replace(/[.,]+$/, "") }));
    const at = places[places.length - 1] ?? { file: v.side.rel, pointer: "" };
    if (seen.has(`${at.file}#${at.pointer}`)) return;
    ctx.report({ entity: v.entity, tree: v.side.tree, origin: at, to: v.side.version, message: err.message, impacts: [source("lockstep generate refuses the schema")], subject: `${at.file}#${at.pointer}` });
  },
});
