/** A $ref lint cannot follow (remote, outside the root, missing file, pointer or anchor). */
import { defineRule } from "../rule.js";
import { isUnresolved } from "../resolver.js";

export default defineRule({
  meta: {
    id: "unresolved-ref",
    description: "A $ref cannot be followed; the schema behind it cannot be compared or generated.",
    severity: "error",
    breaks: [],
    targets: {},
    kind: "hazard",
  },
  version(v, ctx) {
    for (const { node, origin } of v.nodes()) {
      if (typeof node.$ref !== "string") continue;
      const target = v.side.resolver.deref(node);
      if (!isUnresolved(target)) continue;
      ctx.report({
        entity: v.entity, tree: v.side.tree, origin: { file: origin.file, pointer: `${origin.pointer}/$ref` }, to: v.side.version,
        message: `$ref ${JSON.stringify(node.$ref)} cannot be followed: ${target.reason}`,
        subject: node.$ref,
      });
    }
  },
});

