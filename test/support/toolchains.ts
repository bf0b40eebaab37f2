/**
 * Real toolchains for tests. Without CI=true a missing tool skips the tests that need it, with a
 * message saying so; with CI=true it is a failure.
 */
import { spawnSync } from "node:child_process";
import { it } from "vitest";

export type Tool = "cargo" | "go";

const cache = new Map<Tool, boolean>();

export function hasTool(tool: Tool): boolean {
  if (!cache.has(tool)) {
    const probe = spawnSync(tool, ["version"], { encoding: "utf8" });
    cache.set(tool, probe.status === 0);
  }
  return cache.get(tool)!;
}

/**
 * `it` when the tool is present. Otherwise: under CI a test that fails naming the tool; locally a
 * skipped test whose name says what was skipped and why.
 */
export function itWithTool(tool: Tool): typeof it {
  if (hasTool(tool)) return it;
  if (process.env.CI === "true") {
    return ((name: string) =>
      it(name, () => {
        throw new Error(`${tool} is not installed, and CI=true requires it`);
      })) as unknown as typeof it;
  }
  console.warn(`[lockstep tests] ${tool} not found on PATH: skipping tests that compile generated code with it`);
  return ((name: string, ...rest: unknown[]) =>
    (it.skip as (...a: unknown[]) => void)(`${name} (skipped: ${tool} not installed)`, ...rest)) as unknown as typeof it;
}

/** Runs a command, returning its output; throws with the full output when it fails. */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${result.status}):\n${output}`);
  }
  return output;
}
