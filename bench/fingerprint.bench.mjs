// Benchmark: fingerprint throughput of the generated code per language, on the bundled schemas'
// fixtures (newest version of user, order, event, category). Each language decodes every fixture
// once, then fingerprints the decoded values (encode + canonical JSON + SHA-256) in rounds until
// at least `seconds` have passed; the median round gives fingerprints per second and canonical
// megabytes per second. Rust is built with --release.
// Usage: npm run build && node bench/fingerprint.bench.mjs [seconds=3] [--json]
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 3);
const json = process.argv.includes("--json");
const ENTITIES = { user: "User", order: "Order", event: "Event", category: "Category" };

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const dir = mkdtempSync(join(tmpdir(), "lockstep-fingerprint-bench-"));
cpSync(join(ROOT, "schemas"), join(dir, "schemas"), { recursive: true });
const cli = join(ROOT, "bin", "lockstep.js");
run(process.execPath, [cli, "generate", "-C", dir, "-q"], dir);
run(process.execPath, [cli, "fixtures", "-C", dir], dir);

/** `entity<TAB>path` of every fixture of each entity's newest version. */
const fixtures = [];
for (const entity of Object.keys(ENTITIES)) {
  const versions = readdirSync(join(dir, "fixtures", entity)).map((v) => Number(v.slice(1))).sort((a, b) => b - a);
  const vdir = join(dir, "fixtures", entity, `v${versions[0]}`);
  for (const name of readdirSync(vdir).sort()) fixtures.push(`${entity}\t${join(vdir, name)}`);
}
const list = join(dir, "fixtures.txt");
writeFileSync(list, `${fixtures.join("\n")}\n`);

// Each program prints one line: <fixtures> <rounds> <median round ns> <canonical bytes per round>.
const results = [];
function record(language, line) {
  const [count, rounds, ns, bytes] = line.trim().split(/\s+/).map(Number);
  const perSecond = (count * 1e9) / ns;
  results.push({ language, fixtures: count, rounds, fingerprintsPerSecond: Math.round(perSecond), mbPerSecond: Number(((bytes * 1e9) / ns / 1e6).toFixed(1)) });
}

// TypeScript: transpile the generated modules, then run a small driver.
{
  const src = join(dir, "generated", "typescript");
  const out = join(dir, "ts-js");
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(src).filter((f) => f.endsWith(".ts"))) {
    const js = ts.transpileModule(readFileSync(join(src, file), "utf8"), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(out, file.replace(/\.ts$/, ".js")), js.outputText);
  }
  writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  const cases = Object.entries(ENTITIES).map(([e, t]) => `  ${JSON.stringify(e)}: [m.decode${t}, m.${t[0].toLowerCase()}${t.slice(1)}ToJson],`).join("\n");
  writeFileSync(join(out, "bench.js"), `import { readFileSync } from "node:fs";
import * as m from "./index.js";
import { canonicalJson, fingerprint } from "./canonical.js";
const codecs = {
${cases}
};
const values = readFileSync(process.argv[2], "utf8").trim().split("\\n").map((line) => {
  const [entity, path] = line.split("\\t");
  const [decode, encode] = codecs[entity];
  return [decode(readFileSync(path, "utf8")), encode];
});
const bytes = values.reduce((n, [v, encode]) => n + Buffer.byteLength(canonicalJson(encode(v))), 0);
const times = [];
const until = performance.now() + Number(process.argv[3]) * 1000;
let sink = 0;
while (performance.now() < until || times.length < 5) {
  const start = process.hrtime.bigint();
  for (const [v, encode] of values) sink += fingerprint(encode(v)).length;
  times.push(Number(process.hrtime.bigint() - start));
}
times.sort((a, b) => a - b);
if (sink === 0) throw new Error("no fingerprints");
console.log(values.length, times.length, times[times.length >> 1], bytes);
`);
  record("typescript", run(process.execPath, [join(out, "bench.js"), list, String(seconds)], out));
}

// Rust: an example in the generated crate, built with --release.
{
  const crate = join(dir, "generated", "rust");
  mkdirSync(join(crate, "examples"), { recursive: true });
  const arms = Object.entries(ENTITIES).map(([e, t]) => `            ${JSON.stringify(e)} => Box::new(decode::<lockstep_schemas::${t}>(&text)),`).join("\n");
  writeFileSync(join(crate, "examples", "fingerprint_bench.rs"), `use lockstep_schemas::canonical::{canonical_json, fingerprint};
use std::time::Instant;

trait Fingerprint {
    fn fp(&self) -> String;
    fn len(&self) -> usize;
}

impl<T: serde::Serialize> Fingerprint for T {
    fn fp(&self) -> String {
        fingerprint(self).expect("fingerprint")
    }
    fn len(&self) -> usize {
        canonical_json(self).expect("canonical").len()
    }
}

fn decode<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("decode")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let list = std::fs::read_to_string(&args[1]).expect("list");
    let seconds: f64 = args[2].parse().expect("seconds");
    let values: Vec<Box<dyn Fingerprint>> = list
        .lines()
        .map(|line| {
            let (entity, path) = line.split_once('\\t').expect("entity\\tpath");
            let text = std::fs::read_to_string(path).expect("fixture");
            let value: Box<dyn Fingerprint> = match entity {
${arms}
                _ => panic!("unknown entity {entity}"),
            };
            value
        })
        .collect();
    let bytes: usize = values.iter().map(|v| v.len()).sum();
    let start = Instant::now();
    let mut times = Vec::new();
    let mut sink = 0;
    while start.elapsed().as_secs_f64() < seconds || times.len() < 5 {
        let round = Instant::now();
        for v in &values {
            sink += v.fp().len();
        }
        times.push(round.elapsed().as_nanos());
    }
    times.sort();
    assert!(sink > 0);
    println!("{} {} {} {}", values.len(), times.len(), times[times.len() / 2], bytes);
}
`);
  run("cargo", ["build", "--quiet", "--release", "--example", "fingerprint_bench"], crate);
  record("rust", run("cargo", ["run", "--quiet", "--release", "--example", "fingerprint_bench", "--", list, String(seconds)], crate));
}

// Go: a main package inside the generated module.
{
  const mod = join(dir, "generated", "go");
  const path = readFileSync(join(mod, "go.mod"), "utf8").match(/^module (\S+)/m)[1];
  mkdirSync(join(mod, "cmd", "fingerprintbench"), { recursive: true });
  const cases = Object.entries(ENTITIES).map(([e, t]) => `\t\tcase ${JSON.stringify(e)}:\n\t\t\tvalues = append(values, decode[schemas.${t}](data))`).join("\n");
  writeFileSync(join(mod, "cmd", "fingerprintbench", "main.go"), `package main

import (
\t"encoding/json"
\t"fmt"
\t"os"
\t"slices"
\t"strconv"
\t"strings"
\t"time"

\tschemas ${JSON.stringify(path)}
\t"${path}/canonical"
)

func decode[T any](data []byte) any {
\tvar v T
\tif err := json.Unmarshal(data, &v); err != nil {
\t\tpanic(err)
\t}
\treturn &v
}

func main() {
\tlist, _ := os.ReadFile(os.Args[1])
\tseconds, _ := strconv.ParseFloat(os.Args[2], 64)
\tvar values []any
\tfor _, line := range strings.Split(strings.TrimSpace(string(list)), "\\n") {
\t\tentity, path, _ := strings.Cut(line, "\\t")
\t\tdata, err := os.ReadFile(path)
\t\tif err != nil {
\t\t\tpanic(err)
\t\t}
\t\tswitch entity {
${cases}
\t\t}
\t}
\tbytes := 0
\tfor _, v := range values {
\t\ttext, _ := canonical.JSON(v)
\t\tbytes += len(text)
\t}
\tstart := time.Now()
\tvar times []int64
\tsink := 0
\tfor time.Since(start).Seconds() < seconds || len(times) < 5 {
\t\tround := time.Now()
\t\tfor _, v := range values {
\t\t\tfp, err := canonical.Fingerprint(v)
\t\t\tif err != nil {
\t\t\t\tpanic(err)
\t\t\t}
\t\t\tsink += len(fp)
\t\t}
\t\ttimes = append(times, time.Since(round).Nanoseconds())
\t}
\tslices.Sort(times)
\tif sink == 0 {
\t\tpanic("no fingerprints")
\t}
\tfmt.Println(len(values), len(times), times[len(times)/2], bytes)
}
`);
  record("go", run("go", ["run", "./cmd/fingerprintbench", list, String(seconds)], mod, { GOFLAGS: "-mod=mod", GOWORK: "off" }));
}

rmSync(dir, { recursive: true, force: true });
if (json) console.log(JSON.stringify(results, null, 2));
else {
  console.log(`fingerprint (encode + canonical JSON + SHA-256), ${results[0].fixtures} fixtures of the bundled schemas' newest versions, median of rounds over ≥${seconds}s`);
  console.log("language     fingerprints/s   canonical MB/s   rounds");
  for (const r of results) console.log(`${r.language.padEnd(12)} ${String(r.fingerprintsPerSecond).padStart(14)}   ${String(r.mbPerSecond).padStart(14)}   ${String(r.rounds).padStart(6)}`);
}
