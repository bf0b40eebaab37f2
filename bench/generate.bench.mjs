// Benchmark: `lockstep generate` (all three targets) on a synthetic tree, in-process after start-up.
// Usage: node bench/generate.bench.mjs [entities=200] [versions=5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../dist/config.js";
import { generate } from "../dist/generate.js";
import { writeSyntheticSchemas } from "./synthetic-schemas.mjs";

const entities = Number(process.argv[2] ?? 200);
const versions = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(join(tmpdir(), "lockstep-bench-"));
writeSyntheticSchemas(join(dir, "schemas"), entities, versions);
const config = loadConfig(dir, dir);

async function timed(label, options) {
  const start = performance.now();
  const result = await generate({ config: { ...config, ...options }, cwd: dir, toolVersion: "bench" });
  const ms = performance.now() - start;
  const files = result.reports.reduce((n, r) => n + r.written.length + r.unchanged, 0);
  const written = result.reports.reduce((n, r) => n + r.written.length, 0);
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  (${files} files, ${written} written)`);
}

console.log(`lockstep generate: ${entities} entities × ${versions} versions, node ${process.version}`);
await timed("first run (newest versions)", {});
await timed("no change (newest versions)", {});
await timed("first run (--all-versions)", { allVersions: true });
await timed("no change (--all-versions)", { allVersions: true });
rmSync(dir, { recursive: true, force: true });
