// Benchmark: `lockstep test` on 50 entities × 3 versions with about 20 fixtures per version, cold
// (empty build caches) and warm, wall time split into generate / compile / run per language.
// Usage: npm run build && node bench/test.bench.mjs [entities=50] [versions=3] [fixtures=20]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, runTests } from "../dist/index.js";
import { writeSyntheticSchemas } from "./synthetic-schemas.mjs";

const [entities, versions, fixtures] = [50, 3, 20].map((d, i) => Number(process.argv[2 + i] ?? d));
const dir = mkdtempSync(join(tmpdir(), "lockstep-test-bench-"));
writeSyntheticSchemas(join(dir, "schemas"), entities, versions);
const config = loadConfig(dir, dir);
const languages = ["typescript", "rust", "go"];

async function timed(label) {
  const start = performance.now();
  const result = await runTests({ config, cwd: dir, languages, seed: 1, maxFixtures: fixtures, toolVersion: "bench" });
  const total = performance.now() - start;
  const failed = result.outcomes.filter((o) => !o.ok).length;
  const s = (ms) => `${(ms / 1000).toFixed(1)}s`;
  console.log(`${label}: ${s(total)} total, generate ${s(result.timings.generateMs)}; ` +
    result.runs.map((r) => `${r.language} compile ${s(r.compileMs)} run ${s(r.runMs)}${r.status === "ran" ? "" : ` (${r.status})`}`).join("; ") +
    ` — ${result.fixtures} fixtures, ${result.outcomes.length} checks, ${failed} failed`);
}

console.log(`lockstep test: ${entities} entities × ${versions} versions, ≤${fixtures} coverage fixtures per version`);
await timed("cold");
await timed("warm");
rmSync(dir, { recursive: true, force: true });
