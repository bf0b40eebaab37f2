/**
 * Reference resolution against the official JSON-Schema-Test-Suite (../shared/corpus when
 * present): the ref, refRemote, id and anchor tests of every dialect. lockstep's index
 * (src/load/refs.ts) resolves each reference, the schemas go to ajv with the references already
 * resolved (as the fixture oracle hands them over), and ajv must then agree with every expected
 * result. `remotes/` is served from disk as the vendored copy of http://localhost:1234/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { forAjv, makeAjv } from "../src/fixtures/oracle.js";
import { dialectOf, type Dialect } from "../src/load/dialect.js";
import { RefIndex, refOf } from "../src/load/refs.js";

const SUITE = join(import.meta.dirname, "..", "..", "shared", "corpus", "json-schema-test-suite");
const present = existsSync(join(SUITE, "tests"));
if (!present) console.warn(`[lockstep tests] ${SUITE} not found: skipping the JSON-Schema-Test-Suite tests`);

const DIALECTS: Array<[string, string]> = [
  ["draft4", "http://json-schema.org/draft-04/schema#"],
  ["draft6", "http://json-schema.org/draft-06/schema#"],
  ["draft7", "http://json-schema.org/draft-07/schema#"],
  ["draft2019-09", "https://json-schema.org/draft/2019-09/schema"],
  ["draft2020-12", "https://json-schema.org/draft/2020-12/schema"],
];
const FILES = ["ref.json", "refRemote.json", "id.json", "anchor.json"];
const REMOTE = "_remote/localhost:1234/";

interface Group {
  description: string;
  schema: unknown;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

/** Runs one group; returns the descriptions of tests whose outcome differs from the suite's. */
function runGroup(group: Group, meta: string): string[] {
  const main = "case.json";
  const schema = typeof group.schema === "object" && group.schema !== null && !("$schema" in group.schema) ? { $schema: meta, ...group.schema } : group.schema;
  const index = new RefIndex({
    read: (rel) => {
      if (rel === main) return structuredClone(schema);
      if (!rel.startsWith(REMOTE)) return undefined;
      const path = join(SUITE, "remotes", ...rel.slice(REMOTE.length).split("/"));
      return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as unknown) : undefined;
    },
    paths: () => [main],
  });
  // Resolve every reference of every document reached, reading the remotes they name.
  const done = new Set<string>();
  let doc = index.doc(main);
  while (doc) {
    done.add(doc.rel);
    visit(doc.value, (node) => void index.resolve(node));
    doc = index.documents().find((d) => !done.has(d.rel));
  }
  const url = (rel: string) => `file:///suite/${rel}`;
  const dialect: Dialect = dialectOf(meta);
  const ajv = makeAjv(dialect);
  for (const doc of index.documents()) {
    if (doc.value !== null && typeof doc.value === "object") ajv.addSchema(forAjv(index, doc.value, url) as object, url(doc.rel), undefined, false);
  }
  const check = ajv.getSchema(url(main))!;
  return group.tests.filter((t) => Boolean(check(t.data)) !== t.valid).map((t) => t.description);
}

function visit(node: unknown, onRef: (node: object) => void): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach((n) => visit(n, onRef));
  if (refOf(node)) onRef(node);
  for (const [k, v] of Object.entries(node)) if (k !== "enum" && k !== "const") visit(v, onRef);
}

describe.runIf(present)("JSON-Schema-Test-Suite: references", () => {
  for (const [dir, meta] of DIALECTS) {
    it(`${dir}: ${FILES.join(", ")}`, () => {
      const failures: string[] = [];
      let passed = 0;
      for (const file of FILES) {
        const path = join(SUITE, "tests", dir, file);
        if (!existsSync(path)) continue;
        for (const group of JSON.parse(readFileSync(path, "utf8")) as Group[]) {
          let wrong: string[];
          try {
            wrong = runGroup(group, meta);
          } catch (err) {
            wrong = [`(compile) ${(err as Error).message.split("\n")[0]}`];
          }
          passed += group.tests.length - wrong.length;
          for (const w of wrong) failures.push(`${dir}/${file}: ${group.description} / ${w}`);
        }
      }
      expect(failures).toEqual([]);
      expect(passed).toBeGreaterThan(20);
    });
  }
});
