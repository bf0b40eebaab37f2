/**
 * The progress line: on a terminal only, never in CI or with -q, cleared before the result. The
 * last test runs `lockstep test` on a real pseudo-terminal (util-linux `script`) and through a pipe.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { progress } from "../src/progress.js";
import { writeTree } from "./support/tree.js";

const BIN = join(import.meta.dirname, "../bin/lockstep.js");

function tty(isTTY = true) {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 40, write: (s: string) => out.push(s) } };
}

describe("progress", () => {
  it("rewrites one line on a terminal, truncated to its width, and clears it at the end", () => {
    const { out, stream } = tty();
    let t = 0;
    const p = progress({ stream, env: {}, delayMs: 300, now: () => t });
    p.step("loading schemas");
    expect(out).toEqual([]); // a fast run prints nothing
    t = 1500;
    p.step("generating a very long label that does not fit the terminal", 3, 10);
    p.end();
    expect(out).toEqual(["\r\x1b[Klockstep: generating a very long label…", "\r\x1b[K"]);
  });

  it("is silent in CI, with -q, and when stderr is not a terminal", () => {
    for (const [env, quiet, isTTY] of [[{ CI: "true" }, false, true], [{ CI: "1" }, false, true], [{}, true, true], [{}, false, false]] as const) {
      const { out, stream } = tty(isTTY);
      const p = progress({ stream, env, quiet, delayMs: 0 });
      p.step("compiling");
      p.end();
      expect(out, JSON.stringify({ env, quiet, isTTY })).toEqual([]);
    }
    const { out, stream } = tty();
    progress({ stream, env: { CI: "false" }, delayMs: 0 }).step("x");
    expect(out.length).toBe(1);
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  (hasScript ? it : it.skip)("lockstep test shows its stages on a terminal, and nothing through a pipe", () => {
    const dir = writeTree({ "schemas/user/v1.json": { type: "object", properties: { id: { type: "string" } } } });
    const env = { ...process.env, CI: "" };
    const onTty = spawnSync("script", ["-qec", `"${process.execPath}" "${BIN}" test --language typescript -C "${dir}"`, "/dev/null"], { encoding: "utf8", env });
    expect(onTty.status, onTty.stdout).toBe(0);
    expect(onTty.stdout).toContain("\r\x1b[Klockstep: building and running typescript (1 of 1)");
    expect(onTty.stdout).toMatch(/\r\x1b\[K(\r\n)?entity +language +check +passed +failed/);
    const piped = spawnSync(process.execPath, [BIN, "test", "--language", "typescript", "-C", dir], { encoding: "utf8", env });
    expect(piped.status).toBe(0);
    expect(`${piped.stdout}${piped.stderr}`).not.toContain("\x1b[K");
  }, 120_000);
});
