// Benchmark: lockstep next to its peers on real schemas, one process per schema, interleaved.
//   lockstep generate           TypeScript, Rust and Go in one process
//   quicktype                   three processes: --lang typescript, rust, go
//   json-schema-to-typescript   TypeScript only
// over ../shared/corpus/schemastore (or a sample of it, spread evenly over the sorted file names).
// A tool that refuses a schema (non-zero exit, or no answer within the time limit) is skipped for
// that schema and counted; medians and ratios are over the schemas every tool accepted. Then the
// whole corpus (the schemas lockstep accepts) × three languages in one `lockstep generate`, against
// the parse floor: one process reading and JSON.parse-ing the same files. Per schema it also shows
// the floor of a process per schema: `node -e 0`, plus the same generate run warm in this process.
// The machine is shared: run it niced, e.g. `nice -n 19 node bench/peers.bench.mjs 60`.
// Usage: npm run build && node bench/peers.bench.mjs [sample=all] [wholeRounds=3]
// (sample 0: only the whole corpus; wholeRounds 0: only the per-schema runs)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LockstepError, generate, loadConfig, loadModules } from "../dist/index.js";
import { fmt, median, quantile, runOnce } from "./measure.mjs";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = join(ROOT, "..", "shared", "corpus", "schemastore");
if (!existsSync(CORPUS)) {
  console.log(`${CORPUS} not found: nothing to measure`);
  process.exit(0);
}
const all = readdirSync(CORPUS).filter((f) => f.endsWith(".json")).sort();
const sampleSize = Math.min(all.length, Number(process.argv[2] ?? all.length));
const wholeRounds = Number(process.argv[3] ?? 3);
const sample = Array.from({ length: sampleSize }, (_, i) => all[Math.floor((i * all.length) / sampleSize)]);
const TIMEOUT_MS = 120_000;

const node = process.execPath;
const lockstep = join(ROOT, "bin", "lockstep.js");
const quicktype = join(ROOT, "node_modules", "quicktype", "dist", "index.js");
const json2ts = join(ROOT, "node_modules", "json-schema-to-typescript", "dist", "src", "cli.js");
for (const bin of [lockstep, quicktype, json2ts]) if (!existsSync(bin)) throw new Error(`${bin} not found (npm ci, npm run build)`);

/** The corpus files a schema refers to by relative path, transitively (they go next to it). */
function siblings(file, seen = new Set()) {
  const text = readFileSync(join(CORPUS, file), "utf8");
  for (const [, ref] of text.matchAll(/"\$ref"\s*:\s*"([^"#]+)/g)) {
    const name = decodeURIComponent(ref).replace(/^\.\//, "");
    if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.includes("/") || seen.has(name)) continue;
    if (!existsSync(join(CORPUS, name))) continue;
    seen.add(name);
    siblings(name, seen);
  }
  return seen;
}

// Entity directory names are identifiers: `s_` + the file name, sanitised, unique.
const entityName = (file) => `s_${all.indexOf(file)}_${file.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase()}`;

/** schemas/<entity>/v1.json, with the corpus files it refers to linked beside it. */
function placeSchema(schemasDir, file) {
  const dir = join(schemasDir, entityName(file));
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(CORPUS, file), join(dir, "v1.json"));
  for (const s of siblings(file)) if (s !== file && !existsSync(join(dir, s))) symlinkSync(join(CORPUS, s), join(dir, s));
}

const work = mkdtempSync(join(tmpdir(), "lockstep-peers-"));
const out = join(work, "out");
mkdirSync(out);

const tools = [
  { name: "lockstep", runs: (f, dir) => [{ argv: [node, lockstep, "generate", "-q"], cwd: dir, before: () => rmSync(join(dir, "generated"), { recursive: true, force: true }) }] },
  { name: "quicktype ts", runs: (f) => [{ argv: [node, quicktype, "-s", "schema", "-l", "typescript", "-o", join(out, "qt.ts"), join(CORPUS, f)] }] },
  { name: "quicktype rust", runs: (f) => [{ argv: [node, quicktype, "-s", "schema", "-l", "rust", "-o", join(out, "qt.rs"), join(CORPUS, f)] }] },
  { name: "quicktype go", runs: (f) => [{ argv: [node, quicktype, "-s", "schema", "-l", "go", "-o", join(out, "qt.go"), join(CORPUS, f)] }] },
  { name: "json-schema-to-typescript", runs: (f) => [{ argv: [node, json2ts, "-i", join(CORPUS, f), "-o", join(out, "j2t.ts")] }] },
  // The floor of any Node process: what one process per schema costs before any code runs.
  { name: "node -e 0", runs: () => [{ argv: [node, "-e", "0"] }] },
];

console.log(`peers: ${sample.length} of ${all.length} SchemaStore schemas, one process per schema and tool, interleaved; node ${process.version}`);
const times = new Map(tools.map((t) => [t.name, new Map()]));
const refused = new Map(tools.map((t) => [t.name, 0]));
const crashed = [];
sample.forEach((file, i) => {
  const project = join(work, "one", String(i));
  placeSchema(join(project, "schemas"), file);
  // Rotate the order so that no tool always runs first (or right after another one).
  for (let k = 0; k < tools.length; k++) {
    const tool = tools[(i + k) % tools.length];
    let ms = 0;
    for (const run of tool.runs(file, project)) {
      run.before?.();
      const r = runOnce(run.argv, { cwd: run.cwd ?? out, timeout: TIMEOUT_MS });
      if (r.status !== 0) {
        if (tool.name === "lockstep" && r.status !== 2) crashed.push(`${file}: exit ${r.status}: ${r.stderr.split("\n")[0]}`);
        ms = NaN;
        break;
      }
      ms += r.ms;
    }
    if (Number.isNaN(ms)) refused.set(tool.name, refused.get(tool.name) + 1);
    else times.get(tool.name).set(file, ms);
  }
  if ((i + 1) % 10 === 0) process.stderr.write(`  ${i + 1}/${sample.length}\n`);
});

if (sample.length > 0) {
  const common = sample.filter((f) => tools.every((t) => times.get(t.name).has(f)));
  const stats = (name) => {
    const v = common.map((f) => times.get(name).get(f)).sort((a, b) => a - b);
    return { median: median(v), p95: quantile(v, 0.95) };
  };
  const quicktype3 = common.map((f) => ["quicktype ts", "quicktype rust", "quicktype go"].reduce((n, t) => n + times.get(t).get(f), 0)).sort((a, b) => a - b);
  const rows = [
    ["lockstep generate (ts + rust + go)", stats("lockstep")],
    ["quicktype ×3 (ts, rust, go)", { median: median(quicktype3), p95: quantile(quicktype3, 0.95) }],
    ["quicktype typescript", stats("quicktype ts")],
    ["json-schema-to-typescript", stats("json-schema-to-typescript")],
  ];
  console.log(`\nper schema, over the ${common.length} schemas every tool accepted`);
  console.log(`refused: ${tools.filter((t) => t.name !== "node -e 0").map((t) => `${t.name} ${refused.get(t.name)}`).join(", ")}`);
  if (crashed.length > 0) console.log(`lockstep crashed (exit other than 0 or 2) on ${crashed.length}:\n  ${crashed.join("\n  ")}`);
  const base = rows[0][1].median;
  for (const [label, s] of rows) {
    console.log(`${label.padEnd(38)} median ${fmt(s.median).padStart(8)}  p95 ${fmt(s.p95).padStart(8)}  ${label.startsWith("lockstep") ? "" : `${(s.median / base).toFixed(1)}× lockstep`}`);
  }
  // The least a process per schema can take: Node's own start-up, plus the same generate run warm
  // in this process (its code loaded, compiled and optimized by earlier runs of the same schema).
  const warm = [];
  for (const f of common) {
    const project = join(work, "one", String(sample.indexOf(f)));
    const config = loadConfig(project, project);
    const runs = [];
    for (let k = 0; k < 5; k++) {
      rmSync(join(project, "generated"), { recursive: true, force: true });
      const start = performance.now();
      await generate({ config, cwd: project, toolVersion: "bench" });
      if (k >= 2) runs.push(performance.now() - start);
    }
    warm.push(median(runs));
  }
  const nodeStart = stats("node -e 0").median;
  console.log(`${"node -e 0 (a process that runs nothing)".padEnd(38)} median ${fmt(nodeStart).padStart(8)}`);
  console.log(`${"lockstep generate, warm, in-process".padEnd(38)} median ${fmt(median(warm)).padStart(8)}  p95 ${fmt(quantile(warm.sort((a, b) => a - b), 0.95)).padStart(8)}  (the same schemas, a process's 3rd to 5th run)`);
  console.log(`a process per schema takes at least node -e 0 + the warm run: ${fmt(nodeStart + median(warm))}; 20× faster than quicktype ×3 is ${fmt(median(quicktype3) / 20)}`);
}

if (wholeRounds > 0) {
  // The whole corpus as one project: every schema lockstep accepts on its own, one entity each
  // (the ones not in the sample are checked in this process: loaded and built, not generated).
  async function acceptedAlone(file) {
    const dir = join(work, "check");
    rmSync(dir, { recursive: true, force: true });
    placeSchema(join(dir, "schemas"), file);
    try {
      await loadModules(join(dir, "schemas"), { cwd: dir });
      return true;
    } catch (err) {
      if (err instanceof LockstepError) return false;
      throw err;
    }
  }
  const accepted = [];
  for (const f of all) if (sample.includes(f) ? times.get("lockstep").has(f) : await acceptedAlone(f)) accepted.push(f);
  const project = join(work, "whole");
  for (const f of accepted) placeSchema(join(project, "schemas"), f);
  const files = readdirSync(join(project, "schemas")).map((e) => join(project, "schemas", e, "v1.json"));
  writeFileSync(join(work, "files.json"), JSON.stringify(files));
  const floorScript = `const fs = require("node:fs"); for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(join(work, "files.json"))}, "utf8"))) JSON.parse(fs.readFileSync(f, "utf8"));`;
  const whole = [];
  const floor = [];
  let failure;
  for (let round = 0; round < wholeRounds && !failure; round++) {
    floor.push(runOnce([node, "-e", floorScript]).ms);
    rmSync(join(project, "generated"), { recursive: true, force: true });
    const r = runOnce([node, lockstep, "generate", "-q"], { cwd: project, timeout: 30 * 60_000 });
    if (r.status !== 0) failure = `exit ${r.status}: ${r.stderr.trim().split("\n").slice(0, 3).join(" / ")}`;
    else whole.push(r.ms);
  }
  console.log(`\nwhole corpus in one \`lockstep generate\`: the ${accepted.length} of ${all.length} schemas lockstep accepts alone, × 3 languages, ${wholeRounds} rounds`);
  console.log(`parse floor (node: read + JSON.parse of the same files)  median ${fmt(median(floor))}`);
  if (failure) console.log(`lockstep generate: refused the corpus as one project: ${failure}`);
  else console.log(`lockstep generate                                       median ${fmt(median(whole))}  ${(median(whole) / median(floor)).toFixed(1)}× the parse floor`);
}
rmSync(work, { recursive: true, force: true });
