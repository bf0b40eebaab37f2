/**
 * `lockstep watch` from the built bin (dist/), as a user runs it: one line per run, a broken schema
 * is an error line with file:line:col and watching goes on, a fix regenerates, SIGINT exits 0.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTree } from "./support/tree.js";

const BIN = join(import.meta.dirname, "../bin/lockstep.js");
const user = { type: "object", required: ["id"], properties: { id: { type: "string" } } };

describe("lockstep watch", () => {
  it("regenerates on change, shows errors without exiting, stops on SIGINT", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    const child = spawn(process.execPath, [BIN, "watch", "--debounce", "100", "-C", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const waitFor = async (re: RegExp, after = 0): Promise<string> => {
      const until = Date.now() + 30_000;
      while (Date.now() < until) {
        const m = re.exec(out.slice(after));
        if (m) return m[0];
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${re} in:\n${out}`);
    };
    try {
      await waitFor(/^\d\d:\d\d:\d\d start: \d+ of \d+ files written in \d+ ms$/m);
      await waitFor(/watching schemas, lockstep\.config\.json/);
      const types = join(dir, "generated/typescript/index.ts");
      expect(readFileSync(types, "utf8")).not.toMatch(/email/);

      let mark = out.length;
      writeTree({ "schemas/user/v1.json": { ...user, properties: { ...user.properties, email: { type: "string" } } } }, dir);
      await waitFor(/^\d\d:\d\d:\d\d schemas\/user\/v1\.json: \d+ of \d+ files written in \d+ ms$/m, mark);
      expect(readFileSync(types, "utf8")).toMatch(/email/);

      mark = out.length;
      writeFileSync(join(dir, "schemas/user/v1.json"), '{ "type": "object",\n  "properties": { "id": { "type": "string" }, }\n}\n');
      await waitFor(/^\d\d:\d\d:\d\d schemas\/user\/v1\.json: error: schemas\/user\/v1\.json:2:\d+: .*$/m, mark);
      expect(child.exitCode).toBe(null);
      expect(readFileSync(types, "utf8")).toMatch(/email/); // nothing half-written

      mark = out.length;
      writeTree({ "schemas/user/v1.json": user }, dir);
      await waitFor(/^\d\d:\d\d:\d\d schemas\/user\/v1\.json: \d+ of \d+ files written/m, mark);
      expect(readFileSync(types, "utf8")).not.toMatch(/email/);

      // Two files saved together: one run (debounced), naming both.
      mark = out.length;
      writeTree({ "schemas/order/v1.json": user, "schemas/user/v2.json": user }, dir);
      await waitFor(/^\d\d:\d\d:\d\d schemas\/(order\/v1|user\/v2)\.json and 1 more: \d+ of \d+ files written/m, mark);
      await new Promise((r) => setTimeout(r, 500));
      expect(out.slice(mark).match(/files written|up to date/g)).toHaveLength(1);
    } finally {
      child.kill("SIGINT");
    }
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code, out).toBe(0);
  }, 90_000);
});
