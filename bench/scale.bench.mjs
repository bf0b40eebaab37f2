// Benchmark: `lockstep generate` at scale, run as the CLI in a child process (as a user runs it),
// printing wall time, peak RSS (the child's process.resourceUsage().maxRSS) and output size.
// Cases: one ~50 MB schema with 60,000 properties, and a project of 5,000 entities.
// Usage: node bench/scale.bench.mjs [megabytes=50] [properties=60000] [entities=5000]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeHugeSchema, writeManyEntities } from "./hostile-schemas.mjs";

const megabytes = Number(process.argv[2] ?? 50);
const properties = Number(process.argv[3] ?? 60_000);
const entities = Number(process.argv[4] ?? 5_000);
const BIN = join(import.meta.dirname, "..", "bin", "lockstep.js");
const REPORT = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nLOCKSTEP_MAXRSS_KB="+process.resourceUsage().maxRSS+"\\n"))';

function size(dir) {
  let total = 0;
  let largest = 0;
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    const n = statSync(join(d.parentPath ?? d.path, d.name)).size;
    total += n;
    largest = Math.max(largest, n);
  }
  return { total, largest };
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

function run(label, dir, inputBytes) {
  const start = performance.now();
  const res = spawnSync(process.execPath, ["--import", REPORT, BIN, "generate", "-q", "-C", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  const rss = Number(/LOCKSTEP_MAXRSS_KB=(\d+)/.exec(res.stderr)?.[1] ?? 0) * 1024;
  const out = size(join(dir, "generated"));
  const problem = res.status === 0 ? "" : `  EXIT ${res.status}: ${res.stderr.split("\n")[0]}`;
  console.log(
    `${label.padEnd(34)} input ${mb(inputBytes).padStart(8)}  ${seconds.toFixed(1).padStart(6)} s  peak RSS ${mb(rss).padStart(9)} (${(rss / inputBytes).toFixed(1)}× input)  output ${mb(out.total)} (largest file ${mb(out.largest)})${problem}`,
  );
}

const idle = spawnSync(process.execPath, ["--import", REPORT, BIN, "--version"], { encoding: "utf8" });
console.log(`lockstep generate at scale, node ${process.version}; \`lockstep --version\` alone peaks at ${mb(Number(/LOCKSTEP_MAXRSS_KB=(\d+)/.exec(idle.stderr)?.[1] ?? 0) * 1024)}`);
const huge = mkdtempSync(join(tmpdir(), "lockstep-scale-"));
const hugeBytes = writeHugeSchema(join(huge, "schemas"), properties, megabytes);
run(`one schema, ${properties.toLocaleString("en")} properties`, huge, hugeBytes);
rmSync(huge, { recursive: true, force: true });

const many = mkdtempSync(join(tmpdir(), "lockstep-scale-"));
writeManyEntities(join(many, "schemas"), entities);
run(`${entities.toLocaleString("en")} entities`, many, size(join(many, "schemas")).total);
rmSync(many, { recursive: true, force: true });
