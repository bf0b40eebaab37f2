// Benchmark: decode + encode throughput of the generated codecs against plain baselines on the
// same data, per entity, language and dataset (the entity's fixtures, and a large generated
// batch). Baselines: Rust structs with a plain #[derive(Deserialize, Serialize)], Go encoding/json
// structs with omitempty, TypeScript JSON.parse + JSON.stringify (bench/codecs/plain.mjs).
//
// The machine is shared, so every measuring program alternates lockstep and baseline passes
// over the same values (`--reps` pairs per run, after a warm-up pass of each), the runs of all
// entities and languages are interleaved round by round (`--rounds`), and medians are reported:
// mb_per_s and values_per_s from the median pass time, ratio as the median over the interleaved
// pairs of lockstep time / baseline time (= baseline throughput / lockstep throughput).
// Rust is built in release mode; builds are cached under node_modules/.cache/lockstep/bench.
//
// Usage: npm run build && node bench/codecs.bench.mjs [--batch 100000] [--rounds 3] [--reps 3]
//        [--languages typescript,rust,go] [--entities user,order] [--schemas dir] [--json]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse, stringify } from "lossless-json";
import ts from "typescript";
import { buildFixtures, emitGo, emitRust, emitTypeScript, entryPoints, loadConfig, loadModules, writeOutputs } from "../dist/index.js";
import { median } from "./measure.mjs";
import { plainGo, plainRust } from "./codecs/plain.mjs";
import { goMain, goMod, rustCargo, rustMain, tsMain } from "./codecs/programs.mjs";
import { valueWriter } from "./codecs/values.mjs";

const ROOT = join(import.meta.dirname, "..");
const { values: opts } = parseArgs({
  options: {
    batch: { type: "string", default: "100000" },
    rounds: { type: "string", default: "3" },
    reps: { type: "string", default: "3" },
    languages: { type: "string", default: "typescript,rust,go" },
    entities: { type: "string" },
    schemas: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const log = (line) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
const languages = opts.languages.split(",");
const CACHE = join(ROOT, "node_modules", ".cache", "lockstep", "bench");
const MODULE = "example.com/lockstep/schemas";
const CRATE = "lockstep_schemas";
const header = { toolVersion: "bench" };

// ---- data ------------------------------------------------------------------------------------
const config = loadConfig(ROOT, ROOT);
const schemas = opts.schemas ? resolve(opts.schemas) : config.schemas;
const loaded = await loadModules(schemas, { allVersions: true, cwd: ROOT, remotes: config.remotes });
const root = loaded.modules.find((m) => m.path.length === 0);
const wanted = opts.entities?.split(",");
const entries = entryPoints(root)
  .map((e) => ({ ...e, index: root.decls.findIndex((d) => d.id === e.root) }))
  .filter((e) => !wanted || wanted.includes(e.entity));
const fixtures = buildFixtures(loaded, 1);
const write = (x) => writeOutputs([x], ROOT);
const datasets = [];
const dataFiles = [];
const next = valueWriter(root, 20260314);
for (const e of entries) {
  // Fixtures of the newest version, compact; future-* ones (data of a newer version) and lenient-*
  // ones (string-policy integers spelled as numbers, re-encoded as strings) only lockstep reads.
  const mine = fixtures.find((f) => f.entity === e.entity && f.version === e.version)?.fixtures ?? [];
  const distinct = mine.filter((f) => !f.name.startsWith("future-") && !f.name.startsWith("lenient-")).map((f) => stringify(parse(f.json)));
  // Repeated to 10,000 values at least, so that a pass is long enough to time.
  const copies = distinct.length === 0 ? 0 : Math.ceil(10_000 / distinct.length);
  const fixtureLines = Array.from({ length: copies }, () => distinct).flat();
  const batch = Array.from({ length: Number(opts.batch) }, () => next(e.root));
  for (const [name, lines] of [["fixtures", fixtureLines], [`batch`, batch]]) {
    if (lines.length === 0) continue;
    datasets.push({ entity: e.entity, dataset: name, file: join(CACHE, "data", `${e.entity}-${name}.jsonl`), values: lines.length,
      distinct: name === "fixtures" ? distinct.length : lines.length,
      bytes: lines.reduce((n, l) => n + Buffer.byteLength(l), 0) });
  }
  dataFiles.push(
    { path: `${e.entity}-fixtures.jsonl`, contents: `${fixtureLines.join("\n")}\n` },
    { path: `${e.entity}-batch.jsonl`, contents: `${batch.join("\n")}\n` },
  );
}
write({ dir: join(CACHE, "data"), files: dataFiles });

// ---- builds ----------------------------------------------------------------------------------
function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}): exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const programs = {};
if (languages.includes("typescript")) {
  const dir = join(CACHE, "typescript");
  const files = emitTypeScript([root], { header }).map((f) => f.path.endsWith(".ts")
    ? { path: f.path.replace(/\.ts$/, ".js"), contents: ts.transpileModule(f.contents, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText }
    : f);
  write({ dir, files: [...files, { path: "bench.mjs", contents: tsMain(entries) }, { path: "package.json", contents: '{ "type": "module" }\n' }] });
  programs.typescript = [process.execPath, join(dir, "bench.mjs")];
}
if (languages.includes("rust")) {
  const dir = join(CACHE, "rust");
  write({ dir: join(dir, "lib"), files: emitRust([root], { header, crate: CRATE }) });
  write({ dir: join(dir, "bench"), files: [{ path: "Cargo.toml", contents: rustCargo(CRATE) }, { path: "src/main.rs", contents: rustMain(entries, plainRust(root)) }] });
  log("building Rust (release) ...");
  run("cargo", ["build", "--release", "--quiet"], join(dir, "bench"), { CARGO_TARGET_DIR: join(dir, "target"), CARGO_TERM_COLOR: "never" });
  programs.rust = [join(dir, "target", "release", "lockstep_codec_bench")];
}
if (languages.includes("go")) {
  const dir = join(CACHE, "go");
  write({ dir: join(dir, "lib"), files: emitGo([root], { header, module: MODULE, package: "schemas" }) });
  write({ dir: join(dir, "bench"), files: [{ path: "go.mod", contents: goMod(MODULE) }, { path: "main.go", contents: goMain(entries, plainGo(root)) }] });
  log("building Go ...");
  run("go", ["build", "-o", join(dir, "codecs-bench"), "."], join(dir, "bench"), { GOFLAGS: "-mod=mod", GOWORK: "off" });
  programs.go = [join(dir, "codecs-bench")];
}

// ---- measure ---------------------------------------------------------------------------------
const samples = new Map();
const rounds = Number(opts.rounds);
for (let round = 0; round < rounds; round++) {
  log(`round ${round + 1} of ${rounds} ...`);
  for (const d of datasets) {
    for (const language of languages) {
      const [cmd, ...args] = programs[language];
      const out = JSON.parse(run(cmd, [...args, d.entity, d.file, opts.reps], ROOT).trim().split("\n").pop());
      const key = `${d.entity}\0${language}\0${d.dataset}`;
      const s = samples.get(key) ?? { lockstep: [], baseline: [] };
      s.lockstep.push(...out.lockstep);
      s.baseline.push(...out.baseline);
      samples.set(key, s);
    }
  }
}

const rows = [];
for (const d of datasets) {
  for (const language of languages) {
    const s = samples.get(`${d.entity}\0${language}\0${d.dataset}`);
    const ms = median(s.lockstep);
    const baseMs = median(s.baseline);
    const round2 = (x) => Math.round(x * 100) / 100;
    rows.push({
      entity: d.entity, language, dataset: d.dataset,
      values_per_s: Math.round(d.values / (ms / 1000)),
      mb_per_s: round2(d.bytes / 1e6 / (ms / 1000)),
      baseline_mb_per_s: round2(d.bytes / 1e6 / (baseMs / 1000)),
      ratio: round2(median(s.lockstep.map((x, i) => x / s.baseline[i]))),
    });
  }
}

if (opts.json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const sizes = new Map(datasets.map((d) => [`${d.entity}\0${d.dataset}`, d]));
  console.log(`\n${rounds} rounds × ${opts.reps} interleaved pairs; medians. ratio = baseline throughput / lockstep throughput\n`);
  console.log("| entity | dataset | values, average size | language | lockstep values/s | lockstep MB/s | baseline MB/s | ratio |");
  console.log("|---|---|---|---|---:|---:|---:|---:|");
  for (const r of rows) {
    const d = sizes.get(`${r.entity}\0${r.dataset}`);
    console.log(`| ${r.entity} | ${r.dataset} | ${d.values.toLocaleString("en")}${d.distinct === d.values ? "" : ` (${d.distinct} × ${d.values / d.distinct})`}, ${Math.round(d.bytes / d.values)} B | ${r.language} | ${r.values_per_s.toLocaleString("en")} | ${r.mb_per_s} | ${r.baseline_mb_per_s} | ${r.ratio.toFixed(2)}× |`);
  }
}
