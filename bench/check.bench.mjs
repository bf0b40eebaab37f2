// Benchmark: `lockstep check` as a CLI on `entities` unchanged, released entities (each with
// `versions` versions) against `node -e 0`: the pre-commit case, where check should cost a hash
// comparison (the manifest's fingerprint and file hashes, and the lock file's hashes), not a load.
// Usage: node bench/check.bench.mjs [entities=1000] [versions=1] [rounds=10]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compare, fmt, runOnce } from "./measure.mjs";
import { writeSyntheticSchemas } from "./synthetic-schemas.mjs";

const entities = Number(process.argv[2] ?? 1000);
const versions = Number(process.argv[3] ?? 1);
const rounds = Number(process.argv[4] ?? 10);
const dir = mkdtempSync(join(tmpdir(), "lockstep-bench-check-"));
writeSyntheticSchemas(join(dir, "schemas"), entities, versions);
const bin = new URL("../bin/lockstep.js", import.meta.url).pathname;
for (const args of [["release", "--all"], ["generate", "-q"], ["check", "-q"]]) {
  const r = runOnce([process.execPath, bin, ...args], { cwd: dir });
  if (r.status !== 0) throw new Error(`lockstep ${args.join(" ")} failed (${r.status}): ${r.stdout}${r.stderr}`);
}
const cli = compare([
  { label: "node -e 0", argv: [process.execPath, "-e", "0"] },
  { label: "generate --check", argv: [process.execPath, bin, "generate", "--check", "-q"], cwd: dir },
  { label: "check", argv: [process.execPath, bin, "check", "-q"], cwd: dir },
], rounds);
const [floor, gen, check] = [cli.get("node -e 0"), cli.get("generate --check"), cli.get("check")];
console.log(`CLI check, ${entities} unchanged released entities × ${versions} version(s) (${rounds} interleaved rounds), node ${process.version}:`);
console.log(`  node -e 0         median ${fmt(floor.median)}, p95 ${fmt(floor.p95)}, CPU ${fmt(floor.cpu)}`);
console.log(`  generate --check  median ${fmt(gen.median)}, p95 ${fmt(gen.p95)}, CPU ${fmt(gen.cpu)}  → ${(gen.median / floor.median).toFixed(1)}× node -e 0 (CPU ${(gen.cpu / floor.cpu).toFixed(1)}×)`);
console.log(`  check             median ${fmt(check.median)}, p95 ${fmt(check.p95)}, CPU ${fmt(check.cpu)}  → ${(check.median / floor.median).toFixed(1)}× node -e 0 (CPU ${(check.cpu / floor.cpu).toFixed(1)}×)`);
rmSync(dir, { recursive: true, force: true });
