// Shared by the CLI benchmarks: runs commands as child processes, interleaved (one round runs each
// command once, so a load change on the shared machine hits all of them alike), and reports wall
// time (median, p95) and CPU time (user + system, read from /proc/self/stat's reaped-children
// counters on Linux, where they exist).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function childCpuMs() {
  try {
    // Fields after the parenthesised command name; cutime and cstime are the 14th and 15th.
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return NaN;
  }
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs one command once: { ms, cpuMs, status, stdout, stderr }. */
export function runOnce(argv, options = {}) {
  const cpu = childCpuMs();
  const start = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 1 << 28, ...options });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { ms, cpuMs: childCpuMs() - cpu, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Each command `rounds` times, interleaved, after one warm-up round. Returns per label
 * { median, p95, cpu } in ms (cpu: mean per run). A non-zero exit is an error unless `allowFail`.
 */
export function compare(commands, rounds) {
  const walls = new Map(commands.map((c) => [c.label, []]));
  const cpus = new Map(commands.map((c) => [c.label, 0]));
  for (let round = -1; round < rounds; round++) {
    for (const c of commands) {
      c.before?.();
      const r = runOnce(c.argv, { cwd: c.cwd });
      if (r.status !== 0 && !c.allowFail) throw new Error(`${c.label}: exit ${r.status}\n${r.stderr}`);
      if (round < 0) continue;
      walls.get(c.label).push(r.ms);
      cpus.set(c.label, cpus.get(c.label) + r.cpuMs);
    }
  }
  return new Map(commands.map((c) => {
    const sorted = walls.get(c.label).sort((a, b) => a - b);
    return [c.label, { median: median(sorted), p95: quantile(sorted, 0.95), cpu: cpus.get(c.label) / rounds }];
  }));
}

export const fmt = (ms) => (Number.isNaN(ms) ? "n/a" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
