// Benchmark: start-up. `lockstep --version` and `lockstep --help` against `node -e 0`, as child
// processes, interleaved. Run `npm run build` first.
// Usage: node bench/startup.bench.mjs [rounds=30]
import { compare, fmt } from "./measure.mjs";

const rounds = Number(process.argv[2] ?? 30);
const bin = new URL("../bin/lockstep.js", import.meta.url).pathname;
const node = process.execPath;
const results = compare([
  { label: "node -e 0", argv: [node, "-e", "0"] },
  { label: "lockstep --version", argv: [node, bin, "--version"] },
  { label: "lockstep --help", argv: [node, bin, "--help"] },
], rounds);
const floor = results.get("node -e 0");
console.log(`start-up: ${rounds} interleaved rounds, node ${process.version}`);
for (const [label, r] of results) {
  const extra = label === "node -e 0" ? "" : `  (+${fmt(r.median - floor.median)} wall, +${fmt(r.cpu - floor.cpu)} CPU over node -e 0)`;
  console.log(`${label.padEnd(22)} median ${fmt(r.median).padStart(7)}  p95 ${fmt(r.p95).padStart(7)}  CPU ${fmt(r.cpu).padStart(7)}${extra}`);
}
