// Benchmark: `lockstep generate` (all three targets) on a synthetic tree, in-process after start-up;
// then `lockstep generate --check` as a CLI on `checkEntities` unchanged entities (each with
// `checkVersions` versions) against `node -e 0`.
// Usage: node bench/generate.bench.mjs [entities=200] [versions=5] [checkEntities=1000] [checkVersions=1] [rounds=10]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate, loadConfig } from "../dist/index.js";
import { compare, fmt, runOnce } from "./measure.mjs";
import { writeSyntheticSchemas } from "./synthetic-schemas.mjs";

const entities = Number(process.argv[2] ?? 200);
const versions = Number(process.argv[3] ?? 5);
const checkEntities = Number(process.argv[4] ?? 1000);
const checkVersions = Number(process.argv[5] ?? 1);
const rounds = Number(process.argv[6] ?? 10);
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

// The common case before a commit, with Node's start-up: nothing changed, nothing is loaded.
const checkDir = mkdtempSync(join(tmpdir(), "lockstep-bench-check-"));
writeSyntheticSchemas(join(checkDir, "schemas"), checkEntities, checkVersions);
const bin = new URL("../bin/lockstep.js", import.meta.url).pathname;
const first = runOnce([process.execPath, bin, "generate", "-q"], { cwd: checkDir });
if (first.status !== 0) throw new Error(`generate failed: ${first.stderr}`);
const cli = compare([
  { label: "node -e 0", argv: [process.execPath, "-e", "0"] },
  { label: "generate --check", argv: [process.execPath, bin, "generate", "--check", "-q"], cwd: checkDir },
], rounds);
const [floor, check] = [cli.get("node -e 0"), cli.get("generate --check")];
console.log(`CLI generate --check, ${checkEntities} unchanged entities × ${checkVersions} version(s) (${rounds} interleaved rounds):`);
console.log(`  node -e 0          median ${fmt(floor.median)}, p95 ${fmt(floor.p95)}, CPU ${fmt(floor.cpu)}`);
console.log(`  generate --check   median ${fmt(check.median)}, p95 ${fmt(check.p95)}, CPU ${fmt(check.cpu)}  → ${(check.median / floor.median).toFixed(1)}× node -e 0 (CPU ${(check.cpu / floor.cpu).toFixed(1)}×)`);
rmSync(checkDir, { recursive: true, force: true });
