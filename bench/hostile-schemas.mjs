// Writes hostile schema trees for the hardening benchmarks and tests: a schema nested `depth`
// objects deep, and one huge schema (`properties` properties, padded towards `megabytes`).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** `<root>/deep/v1.json`: `depth` nested object schemas, written as text (no recursion). */
export function writeDeepSchema(root, depth) {
  mkdirSync(join(root, "deep"), { recursive: true });
  const open = '{"type":"object","properties":{"a":';
  const text = `${open.repeat(depth)}{"type":"string"}${"}}".repeat(depth)}\n`;
  writeFileSync(join(root, "deep", "v1.json"), text);
  return text.length;
}

/**
 * `<root>/huge/v1.json`: one object with `properties` properties of mixed kinds (strings, int64,
 * enums, arrays, a small nested object every tenth), descriptions padded towards `megabytes`.
 */
export function writeHugeSchema(root, properties, megabytes = 0) {
  mkdirSync(join(root, "huge"), { recursive: true });
  const pad = megabytes > 0 ? Math.max(0, Math.floor((megabytes * 1e6) / properties) - 120) : 0;
  const kinds = [
    () => ({ type: "string", format: "date-time" }),
    () => ({ type: "integer", format: "int64", minimum: 0 }),
    () => ({ enum: ["a", "b", "c"] }),
    () => ({ type: "array", items: { type: "string" } }),
    () => ({ type: ["string", "null"] }),
  ];
  const parts = [];
  for (let i = 0; i < properties; i++) {
    const p = i % 10 === 9
      ? { type: "object", required: ["id"], properties: { id: { type: "string" }, n: { type: "number" } } }
      : kinds[i % kinds.length]();
    p.description = `Property ${i}. ${"Lorem ipsum dolor sit amet. ".repeat(Math.ceil(pad / 28)).slice(0, pad)}`;
    parts.push(`${JSON.stringify(`p_${i}`)}:${JSON.stringify(p)}`);
  }
  const text = `{"type":"object","required":["p_0"],"properties":{${parts.join(",")}}}\n`;
  writeFileSync(join(root, "huge", "v1.json"), text);
  return text.length;
}

/** `entities` small entities, one version each. */
export function writeManyEntities(root, entities) {
  for (let e = 0; e < entities; e++) {
    const dir = join(root, `entity_${String(e).padStart(5, "0")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "v1.json"), JSON.stringify({
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "string" },
        count: { type: "integer", format: "int64" },
        status: { enum: ["new", "done"] },
        detail: { type: "object", properties: { a: { type: "boolean" } } },
        tags: { type: "array", items: { type: "string" } },
      },
    }));
  }
}
