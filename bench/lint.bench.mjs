// Benchmark: `lockstep lint --transitive` on a synthetic tree (default 200 entities × 20 versions),
// in-process after start-up, then the whole CLI once. Every 10th entity's newest version removes a
// property, so the run also positions and formats findings. Run `npm run build` first.
// Usage: node bench/lint.bench.mjs [entities=200] [versions=20]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format, lint } from "../dist/index.js";
import { writeSyntheticSchemas } from "./synthetic-schemas.mjs";

const entities = Number(process.argv[2] ?? 200);
const versions = Number(process.argv[3] ?? 20);
const dir = mkdtempSync(join(tmpdir(), "lockstep-lint-bench-"));
const schemas = join(dir, "schemas");
writeSyntheticSchemas(schemas, entities, versions);
for (let e = 0; e < entities; e += 10) {
  const file = join(schemas, `entity_${String(e).padStart(3, "0")}`, `v${versions}.json`);
  const schema = JSON.parse(readFileSync(file, "utf8"));
  delete schema.properties.tags;
  writeFileSync(file, JSON.stringify(schema, null, 2));
}

function timed(label, options) {
  const start = performance.now();
  const result = lint({ cwd: dir, schemas, ...options });
  const text = format("text", result, { toolVersion: "bench", cwd: dir, textOf: result.textOf });
  const ms = performance.now() - start;
  console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  (${result.comparisons.length} comparisons, ${result.findings.length} findings, ${text.length} bytes of text)`);
}

console.log(`lockstep lint: ${entities} entities × ${versions} versions, node ${process.version}`);
timed("first run, consecutive pairs", {});
timed("consecutive pairs", {});
timed("--transitive", { transitive: true });
timed("--transitive --mode full", { transitive: true, mode: "full" });
const start = performance.now();
const cli = spawnSync(process.execPath, [new URL("../bin/lockstep.js", import.meta.url).pathname, "lint", "--transitive", "-C", dir], { encoding: "utf8" });
console.log(`${"whole CLI (node start-up included)".padEnd(40)} ${(performance.now() - start).toFixed(0).padStart(6)} ms  (exit ${cli.status})`);
rmSync(dir, { recursive: true, force: true });
