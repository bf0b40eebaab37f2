// The round-trip property of test/property.test.ts with many more runs: random schema trees
// (test/support/schema-arbitrary.ts) → lockstep test in TypeScript, Rust and Go → every check passes.
// Prints each run, then runs, discards, failures and time; on failure the shrunk counterexample
// (schemas, failing fixture, diff) and the seed and path to replay it. Exit code 1 on failure.
// Usage: npm run build && node bench/property.bench.mjs [runs=100] [seed=random] [path]
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { loadConfig } from "../dist/config.js";
import { passed } from "../dist/testing/report.js";
import { runTests } from "../dist/testing/run.js";

const ROOT = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 100);
const seed = process.argv[3] !== undefined ? Number(process.argv[3]) : Math.floor(Math.random() * 2 ** 31);
const path = process.argv[4];
const strict = process.env.CI === "true";

// The arbitrary is TypeScript and imports only fast-check and node: transpile it next to the
// project's node_modules so that its imports resolve.
const out = join(ROOT, ".cache", "property", "bench");
mkdirSync(out, { recursive: true });
const source = readFileSync(join(ROOT, "test", "support", "schema-arbitrary.ts"), "utf8");
const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
writeFileSync(join(out, "schema-arbitrary.mjs"), compiled);
const { roundTripProperty } = await import(join(out, "schema-arbitrary.mjs"));

const has = (tool) => spawnSync(tool, ["version"], { encoding: "utf8" }).status === 0;
const languages = ["typescript", ...["rust", "go"].filter((l) => strict || has(l === "rust" ? "cargo" : "go"))];
const skipped = ["rust", "go"].filter((l) => !languages.includes(l));
if (skipped.length > 0) console.log(`skipping ${skipped.join(", ")}: toolchain not installed (CI=true makes that a failure)`);

const dir = join(out, "project");
mkdirSync(dir, { recursive: true });
let done = 0;
const s = (ms) => `${(ms / 1000).toFixed(1)}s`;
const property = roundTripProperty({ loadConfig, runTests, passed }, {
  dir, languages, strict,
  onRun: ({ ok, ms, languages: ran, fixtures }) => {
    done++;
    console.log(`run ${done}: ${ok ? "ok" : "FAILED"} in ${s(ms)} (${ran.join(", ")}${ok ? `, ${fixtures} fixtures` : ""})`);
  },
});

console.log(`property: ${runs} runs, seed ${seed}${path ? `, path ${path}` : ""}, languages ${languages.join(", ")}`);
const start = performance.now();
const details = await fc.check(property, { numRuns: runs, seed, ...(path ? { path } : {}), includeErrorInReport: true });
const total = performance.now() - start;
const failures = details.failed ? 1 : 0;
console.log(`\n${details.numRuns} runs, ${details.numSkips} discarded (type names colliding), ${failures} failure${failures === 1 ? "" : "s"}` +
  `${details.failed ? ` (shrunk ${details.numShrinks} times)` : ""}; ${s(total)} total, ${s(total / Math.max(1, done))} per executed run`);
if (details.failed) {
  console.log(`\nreplay: node bench/property.bench.mjs ${runs} ${details.seed} ${details.counterexamplePath}\n`);
  console.log(fc.defaultReportMessage(details));
  process.exitCode = 1;
}
