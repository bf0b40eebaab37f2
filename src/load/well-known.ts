/**
 * Well-known documents: the meta-schemas of the dialects lockstep reads (draft-04, -06, -07,
 * 2019-09, 2020-12 and their vocabularies), served without the network from the copies ajv and
 * ajv-draft-04 ship. A `$ref` to one (`http://json-schema.org/draft-07/schema#`) resolves as if
 * the document were vendored at `_remote/<host>/<path>.json`: that path names it in messages and
 * in the inputs hash, whatever the install location, and a user's own copy there wins.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { vendoredPaths } from "./refs.js";

const BUNDLED = [
  "ajv-draft-04/dist/refs/json-schema-draft-04.json",
  "ajv/dist/refs/json-schema-draft-06.json",
  "ajv/dist/refs/json-schema-draft-07.json",
  ...["schema", "meta/applicator", "meta/content", "meta/core", "meta/format", "meta/meta-data", "meta/validation"].map((p) => `ajv/dist/refs/json-schema-2019-09/${p}.json`),
  ...["schema", "meta/applicator", "meta/content", "meta/core", "meta/format-annotation", "meta/meta-data", "meta/unevaluated", "meta/validation"].map((p) => `ajv/dist/refs/json-schema-2020-12/${p}.json`),
];

export interface WellKnown {
  /** The document's URI (its `$id`, no fragment). */
  uri: string;
  /** Its text, as ajv ships it. */
  text: string;
}

let byRel: Map<string, WellKnown> | undefined;

/** Vendored-copy path (relative to the schemas root) → well-known document. */
function table(): Map<string, WellKnown> {
  if (byRel) return byRel;
  const require = createRequire(import.meta.url);
  byRel = new Map();
  for (const spec of BUNDLED) {
    const text = readFileSync(require.resolve(spec), "utf8");
    const doc = JSON.parse(text) as { $id?: string; id?: string };
    const uri = (doc.$id ?? doc.id ?? "").replace(/#$/, "");
    const rel = vendoredPaths(uri).at(-1);
    if (rel !== undefined) byRel.set(rel, { uri, text });
  }
  return byRel;
}

/** The well-known document a vendored-copy path stands for, if any. */
export function wellKnownAt(rel: string): WellKnown | undefined {
  return table().get(rel);
}

/** The URIs served, for documentation and tests. */
export function wellKnownUris(): string[] {
  return [...table().values()].map((w) => w.uri);
}
