/**
 * A released version was edited in place: its canonical form (or that of a file it references) no
 * longer has the SHA-256 recorded by `lockstep release`, or (with --against) an older version
 * differs from the revision compared against. Released versions are immutable.
 */
import { defineRule } from "../rule.js";
import { LOCK_FILE, hashText, refTarget } from "../lock.js";
import { canonicalize } from "../../canonical.js";
import { pointerFrom } from "../../load/json-file.js";
import { isObject } from "../resolver.js";

const FIX = "released versions are immutable: revert the edit, or make it in a new version (`lockstep new-version <entity>`)";

/** Pointer of the first $ref in a document that names `target`. */
function refPointer(value: unknown, from: string, target: string, path: Array<string | number> = []): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = refPointer(v, from, target, [...path, i]);
      if (p !== undefined) return p;
    }
  } else if (isObject(value)) {
    if (typeof value.$ref === "string" && refTarget(from, value.$ref) === target) return pointerFrom([...path, "$ref"]);
    for (const [k, v] of Object.entries(value)) {
      if (["const", "default", "enum", "examples"].includes(k)) continue;
      const p = refPointer(v, from, target, [...path, k]);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "version-mutated",
    description: "A released version (or a file it references) was changed or deleted after release.",
    severity: "error",
    breaks: ["old-readers", "new-readers"],
    targets: {},
    kind: "history",
  },
  history(h, ctx) {
    for (const [entity, versions] of h.lock?.entities ?? []) {
      if (!h.selected(entity) || !h.tree.entities.has(entity)) continue;
      for (const [n, entry] of versions) {
        const rel = `${entity}/v${n}.json`;
        const text = h.tree.text(rel);
        if (text === undefined) {
          ctx.report({ entity, tree: h.tree, origin: { file: LOCK_FILE, pointer: `/entities/${entity}/v${n}` }, to: n, message: `${entity} v${n} was released but ${rel} is gone; ${FIX}`, subject: `v${n}` });
          continue;
        }
        if (hashText(text) !== entry.sha256) {
          ctx.report({ entity, tree: h.tree, origin: { file: rel, pointer: "" }, to: n, message: `${entity} v${n} was changed after its release (${LOCK_FILE}); ${FIX}`, subject: `v${n}` });
          continue;
        }
        for (const [ref, hash] of Object.entries(entry.refs)) {
          const refText = h.tree.text(ref);
          if (refText !== undefined && hashText(refText) === hash) continue;
          const pointer = refPointer(h.tree.file(rel)!.value, rel, ref) ?? "";
          ctx.report({
            entity, tree: h.tree, origin: { file: rel, pointer }, to: n,
            message: `${entity} v${n} refers to ${ref}, which was ${refText === undefined ? "deleted" : "changed"} after v${n} was released; the files a released version refers to are immutable too: revert the edit, and put the new shape in a new file for a new version`,
            subject: ref,
          });
        }
      }
    }
    if (!h.before) return;
    for (const [entity, before] of h.before.entities) {
      const now = h.tree.entities.get(entity);
      if (!now || !h.selected(entity)) continue;
      const newestBefore = before[before.length - 1]!.version;
      for (const v of before) {
        if (v.version === newestBefore || h.lock?.entities.get(entity)?.has(v.version)) continue; // the lock speaks for released ones
        const text = h.tree.text(v.rel);
        const origin = text === undefined ? { file: v.rel, pointer: "" } : { file: v.rel, pointer: "" };
        if (text === undefined) {
          ctx.report({ entity, tree: h.before, origin, to: v.version, message: `${entity} v${v.version} exists at ${h.before.label} but was deleted; ${FIX}`, subject: `v${v.version}` });
        } else if (canonicalize(text) !== canonicalize(h.before.text(v.rel)!)) {
          ctx.report({ entity, tree: h.tree, origin, oldTree: h.before, oldOrigin: origin, to: v.version, message: `${entity} v${v.version} differs from ${h.before.label}, and a newer version exists there; ${FIX}`, subject: `v${v.version}` });
        }
      }
    }
  },
});
