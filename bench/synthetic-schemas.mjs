// Writes a synthetic schemas tree: `entities` entities × `versions` versions, each version adding
// an optional property to the previous one (additive evolution), with nested objects, enums,
// arrays, maps, a shared $ref'd document and a discriminated union.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeSyntheticSchemas(root, entities, versions) {
  mkdirSync(join(root, "_common"), { recursive: true });
  writeFileSync(join(root, "_common", "money.json"), JSON.stringify({
    type: "object", required: ["currency", "amount_minor"],
    properties: { currency: { type: "string", pattern: "^[A-Z]{3}$" }, amount_minor: { type: "integer", format: "int64" } },
  }));
  for (let e = 0; e < entities; e++) {
    const name = `entity_${String(e).padStart(3, "0")}`;
    mkdirSync(join(root, name), { recursive: true });
    const properties = {
      id: { type: "string", format: "uuid" },
      created_at: { type: "string", format: "date-time" },
      status: { type: "string", enum: ["new", "active", "closed"] },
      count: { type: "integer", format: "int32", minimum: 0 },
      total: { $ref: "../_common/money.json" },
      tags: { type: "array", items: { type: "string" } },
      labels: { type: "object", additionalProperties: { type: "string" } },
      note: { type: ["string", "null"] },
      detail: { type: "object", properties: { a: { type: "boolean" }, b: { type: "number" } }, required: ["a"] },
      event: { oneOf: [
        { type: "object", properties: { kind: { const: "x" }, x: { type: "string" } }, required: ["kind"] },
        { type: "object", properties: { kind: { const: "y" }, y: { type: "integer", format: "int64" } }, required: ["kind"] },
      ] },
    };
    for (let v = 1; v <= versions; v++) {
      if (v > 1) properties[`added_in_v${v}`] = { type: "string", description: `Added in version ${v}.` };
      writeFileSync(join(root, name, `v${v}.json`), JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", required: ["id", "status"], properties,
      }, null, 2));
    }
  }
}
