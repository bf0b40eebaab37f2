// The fuzz at scale: random schemas (test/support/schema-arbitrary.ts) × their fixtures, decoded and
// re-encoded by the generated TypeScript, Rust and Go, with a fixed seed. Prints crashes (lockstep
// threw, generated code did not build or type-check, a harness broke, a schema version or upgrade it
// could not test fully: the schemas are satisfiable) and losses (a fixture that did not come
// back exactly, or languages that disagree), then the figures. Exit code 1 when either is not 0.
//
// Batched so it finishes on 2 cores: each batch puts many schemas (entities p0, p1, ...) in one
// project, so one tsc run, one cargo build and one go build serve all of them, and each schema
// gets many instances. Each schema is first checked alone without toolchains (load, IR, fixtures,
// emit): names that collide are discarded (the IR's clear error is right, not a finding), a throw
// is a crash. A batch whose code does not build is bisected to the schema that breaks it.
//
// Usage: npm run build && nice -n 19 node bench/property.bench.mjs [instances=10000] [seed=424242]
//        [schemas per batch=60] [fixtures per version=24]
// (npm run fuzz runs it with the defaults.) test/property.test.ts keeps a small sample in npm test.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { buildFixtures, cacheDir, emitGo, emitRust, emitTypeScript, loadConfig, loadModules, runTests } from "../dist/index.js";

const ROOT = join(import.meta.dirname, "..");
const target = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 424242);
const perBatch = Number(process.argv[4] ?? 60);
const maxFixtures = Number(process.argv[5] ?? 24);
const strict = process.env.CI === "true";

// The arbitrary is TypeScript and imports only fast-check and node: transpile it next to the
// project's node_modules so that its imports resolve.
const work = join(ROOT, ".cache", "property", "fuzz");
mkdirSync(work, { recursive: true });
const source = readFileSync(join(ROOT, "test", "support", "schema-arbitrary.ts"), "utf8");
const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
writeFileSync(join(work, "schema-arbitrary.mjs"), compiled);
const { entityArb, renderTree, writeTree, describeTree } = await import(join(work, "schema-arbitrary.mjs"));

// Every batch is a new crate: incremental compilation and debug info only cost time here.
process.env.CARGO_INCREMENTAL ??= "0";
process.env.CARGO_PROFILE_DEV_DEBUG ??= "0";

const has = (tool) => spawnSync(tool, ["version"], { encoding: "utf8" }).status === 0;
const languages = ["typescript", ...["rust", "go"].filter((l) => strict || has(l === "rust" ? "cargo" : "go"))];
const skipped = ["rust", "go"].filter((l) => !languages.includes(l));
if (skipped.length > 0) console.log(`skipping ${skipped.join(", ")}: toolchain not installed (CI=true makes that a failure)`);

const NAME_COLLISION = /^two .* get the same name /;
const project = join(work, "project");
const alone = join(work, "alone");
const s = (ms) => `${(ms / 1000).toFixed(1)}s`;
const clip = (text, n = 2500) => (text.length > n ? `${text.slice(0, n)}\n… (${text.length} characters)` : text);

const crashes = [];
const losses = [];
let schemas = 0;
let versions = 0;
let instances = 0;
let checks = 0;
/** Checks by kind (roundtrip, fingerprint, diff, ...): passed and failed. */
const byCheck = new Map();
let discarded = 0;

/** Load, IR, fixtures and all three emitters for one schema alone: "ok", "discard" or a crash message. */
async function preflight(model, fixtureSeed) {
  const tree = renderTree([model]);
  writeTree(alone, tree);
  try {
    const loaded = await loadModules(join(alone, "schemas"), { allVersions: true, cwd: alone });
    buildFixtures(loaded, fixtureSeed, maxFixtures);
    const header = { toolVersion: "fuzz" };
    emitTypeScript(loaded.modules, { header, harness: { fixtures: "f" } });
    emitRust(loaded.modules, { header, crate: "fuzz", harness: { fixtures: "f" } });
    emitGo(loaded.modules, { header, module: "example.com/fuzz", package: "fuzz", harness: { fixtures: "f" } });
    return "ok";
  } catch (e) {
    if (e?.name === "LockstepError" && NAME_COLLISION.test(e.message)) return "discard";
    return `lockstep threw: ${e?.stack ?? String(e)}`;
  }
}

// lockstep test only transpiles TypeScript: the fuzz type-checks it too, as strictly as the
// compile tests (test/support/ts-harness.ts), over the generated code with its harness.
const TSC_OPTIONS = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"], types: ["node"], typeRoots: [join(ROOT, "node_modules", "@types")], strict: true, noEmit: true,
  noUnusedLocals: true, noUnusedParameters: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true,
  noImplicitReturns: true, noImplicitOverride: true, noFallthroughCasesInSwitch: true, noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true, isolatedModules: true, skipLibCheck: true,
};

function typeErrors(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".ts")) files.push(join(d, e.name));
    }
  };
  walk(dir);
  if (files.length === 0) return [`no TypeScript generated in ${dir}`];
  const program = ts.createProgram(files, TSC_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** lockstep test over these schemas in these languages; throws only when lockstep itself does. */
async function testBatch(models, fixtureSeed, langs) {
  writeTree(project, renderTree(models));
  const config = loadConfig(project, project);
  const result = await runTests({ config, cwd: project, languages: langs, seed: fixtureSeed, maxFixtures, toolVersion: "fuzz" });
  const started = performance.now();
  const tsErrors = langs.includes("typescript") ? typeErrors(join(cacheDir(project), "typescript", "src")) : [];
  return { config, result, tsErrors, tscMs: performance.now() - started };
}

/** Languages whose code did not build (tsc for TypeScript) or whose harness broke without a failing check. */
function brokenLanguages({ result, tsErrors }) {
  const broken = result.runs
    .filter((r) => r.status === "broken" || (r.status === "missing" && strict) ||
      (r.status === "ran" && r.message && !result.outcomes.some((o) => !o.ok && o.language === r.language)))
    .map((r) => r.language);
  return tsErrors.length > 0 && !broken.includes("typescript") ? [...broken, "typescript"] : broken;
}

/** The schemas (indices into models) that break `language` on their own, by bisection. */
async function culprits(models, fixtureSeed, language) {
  if (models.length === 1) return [0];
  const half = Math.ceil(models.length / 2);
  const found = [];
  for (const [offset, part] of [[0, models.slice(0, half)], [half, models.slice(half)]]) {
    if (brokenLanguages(await testBatch(part, fixtureSeed, [language])).length > 0) found.push(...(await culprits(part, fixtureSeed, language)).map((i) => i + offset));
  }
  return found;
}

const schemaText = (model) => describeTree(renderTree([model])).replace(/schemas\/p0\//g, "schemas/<entity>/");

console.log(`fuzz: ${target} instances, seed ${seed}, ${perBatch} schemas per batch, ≤ ${maxFixtures} fixtures per version, ${languages.join(", ")}`);
const start = performance.now();
for (let batch = 0; instances < target; batch++) {
  const batchStart = performance.now();
  const fixtureSeed = seed + batch;
  const drawn = fc.sample(entityArb, { seed: seed * 1000 + batch, numRuns: perBatch });
  let models = [];
  for (const model of drawn) {
    const verdict = await preflight(model, fixtureSeed);
    if (verdict === "discard") discarded++;
    else if (verdict === "ok") models.push(model);
    else crashes.push({ batch, what: verdict, schema: schemaText(model) });
  }
  let run;
  try {
    run = await testBatch(models, fixtureSeed, languages);
  } catch (e) {
    // Alone each schema passed: a clash between schemas (two type names meeting) is discarded.
    const names = new Set([...String(e?.message).matchAll(/\bp(\d+)\/v\d+\.json/g)].map((m) => Number(m[1])));
    if (e?.name === "LockstepError" && NAME_COLLISION.test(e.message) && names.size > 0) {
      discarded += names.size;
      models = models.filter((_, i) => !names.has(i));
      run = await testBatch(models, fixtureSeed, languages);
    } else {
      crashes.push({ batch, what: `lockstep test threw on the batch: ${e?.stack ?? String(e)}`, schema: models.map(schemaText).join("\n") });
      continue;
    }
  }
  // Code that does not build: find the schemas that break it, report them, test the rest again.
  for (const language of brokenLanguages(run)) {
    const bad = await culprits(models, fixtureSeed, language);
    for (const i of bad) {
      const { result, tsErrors } = await testBatch([models[i]], fixtureSeed, [language]);
      const why = tsErrors.length > 0 ? `tsc: ${tsErrors.slice(0, 10).join("\n")}` : result.runs[0]?.message ?? "broken";
      crashes.push({ batch, what: `${language}: ${clip(why)}`, schema: schemaText(models[i]) });
    }
    models = models.filter((_, i) => !bad.includes(i));
    run = await testBatch(models, fixtureSeed, languages);
  }
  const { config, result } = run;
  for (const f of result.findings) {
    const text = f.format();
    const model = models[Number(/\bp(\d+)[/\\]v\d+\.json/.exec(text)?.[1] ?? NaN)];
    crashes.push({ batch, what: `not tested fully: ${clip(text)}`, schema: model ? schemaText(model) : "" });
  }
  const failed = result.outcomes.filter((o) => !o.ok);
  for (const f of failed) {
    const model = models[Number(f.entity.slice(1))];
    let fixture;
    try {
      fixture = readFileSync(join(config.fixtures, f.fixture), "utf8").trimEnd();
    } catch {
      fixture = "(fixture file not readable)";
    }
    losses.push({ batch, what: `${f.language} ${f.check} ${f.fixture}: ${f.detail ?? "failed"}`, fixture: clip(fixture), schema: model ? schemaText(model) : "" });
  }
  schemas += models.length;
  versions += new Set(result.outcomes.map((o) => o.fixture.split("/").slice(0, 2).join("/"))).size;
  instances += result.fixtures;
  checks += result.outcomes.length;
  for (const o of result.outcomes) {
    const row = byCheck.get(o.check) ?? { passed: 0, failed: 0 };
    row[o.ok ? "passed" : "failed"]++;
    byCheck.set(o.check, row);
  }
  const times = result.runs.map((r) => `${r.language} ${s(r.compileMs + r.runMs + (r.language === "typescript" ? run.tscMs : 0))}`).join(", ");
  console.log(`batch ${batch}: ${models.length} schemas, ${result.fixtures} instances, ${result.outcomes.length} checks, ` +
    `${failed.length} lost; total ${instances} instances, ${crashes.length} crashes, ${losses.length} losses; ${s(performance.now() - batchStart)} (${times})`);
  writeFileSync(join(work, "findings.json"), `${JSON.stringify({ crashes, losses }, null, 2)}\n`);
}

const report = (title, list) => {
  if (list.length === 0) return;
  console.log(`\n${title}:`);
  for (const x of list.slice(0, 20)) console.log(`\n--- batch ${x.batch}: ${x.what}${x.fixture ? `\nfixture: ${x.fixture}` : ""}\n${clip(x.schema, 4000)}`);
  if (list.length > 20) console.log(`\n… and ${list.length - 20} more in ${join(work, "findings.json")}`);
};
report("crashes", crashes);
report("losses", losses);
console.log(`\nfuzz: ${instances} instances of ${schemas} random schemas (${versions} schema versions; ${discarded} discarded for colliding names), ` +
  `${checks} checks in ${languages.join(", ")}, seed ${seed}: ${crashes.length} crashes, ${losses.length} losses; ${s(performance.now() - start)}`);
console.log([...byCheck].sort(([a], [b]) => (a < b ? -1 : 1)).map(([check, r]) => `  ${check}: ${r.passed} passed, ${r.failed} failed`).join("\n"));
if (crashes.length > 0 || losses.length > 0) process.exitCode = 1;
