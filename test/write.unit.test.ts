/**
 * src/write.ts on its own: what a write compares (bytes, not sizes or stats), what it refuses, and
 * that --check's plan reports what the write then does.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST, plan, writeOutputs, type OutputDir } from "../src/write.js";

const files = [
  { path: "a.ts", contents: "export const a = \"ä ✓ 𝄞\";\n" },
  { path: "deep/er/b.ts", contents: "export const b = 2;\n" },
];

function fresh(): OutputDir {
  return { dir: mkdtempSync(join(tmpdir(), "lockstep-write-")), files: files.map((f) => ({ ...f })) };
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as { files: Record<string, string>; stats: Record<string, [number, number]> };

describe("writeOutputs", () => {
  it("writes UTF-8 bytes, then rewrites nothing, and plans what it does", () => {
    const out = fresh();
    expect(plan([out])[0]).toMatchObject({ written: ["a.ts", "deep/er/b.ts"], unchanged: 0 });
    expect(writeOutputs([out], out.dir)[0]).toMatchObject({ written: ["a.ts", "deep/er/b.ts"], unchanged: 0 });
    expect(readFileSync(join(out.dir, "a.ts"))).toEqual(Buffer.from(files[0]!.contents, "utf8"));
    const before = manifest(out.dir);
    expect(Object.keys(before.stats)).toEqual(["a.ts", "deep/er/b.ts"]);
    expect(before.stats["a.ts"]![0]).toBe(Buffer.byteLength(files[0]!.contents));
    expect(plan([out])[0]).toMatchObject({ written: [], unchanged: 2 });
    expect(writeOutputs([out], out.dir)[0]).toMatchObject({ written: [], unchanged: 2 });
    expect(manifest(out.dir)).toEqual(before);
  });

  it("undoes a hand edit of the same size and the same modification time", () => {
    const out = fresh();
    writeOutputs([out], out.dir);
    const path = join(out.dir, "deep/er/b.ts");
    const { atime, mtime } = statSync(path);
    writeFileSync(path, "export const b = 3;\n");
    utimesSync(path, atime, mtime);
    expect(plan([out])[0]!.written).toEqual(["deep/er/b.ts"]);
    expect(writeOutputs([out], out.dir)[0]!.written).toEqual(["deep/er/b.ts"]);
    expect(readFileSync(path, "utf8")).toBe(files[1]!.contents);
  });

  it("refuses a file it did not write unless it holds the same bytes, which it then owns", () => {
    const out = fresh();
    writeFileSync(join(out.dir, "a.ts"), files[0]!.contents);
    expect(writeOutputs([out], out.dir)[0]).toMatchObject({ written: ["deep/er/b.ts"], unchanged: 1 });
    expect(Object.keys(manifest(out.dir).files)).toEqual(["a.ts", "deep/er/b.ts"]);

    const other = fresh();
    writeFileSync(join(other.dir, "a.ts"), "mine\n");
    expect(() => writeOutputs([other], other.dir)).toThrow(/refusing to overwrite a\.ts/);
    expect(readFileSync(join(other.dir, "a.ts"), "utf8")).toBe("mine\n");
    expect(existsSync(join(other.dir, "deep"))).toBe(false);
    expect(existsSync(join(other.dir, MANIFEST))).toBe(false);
  });
});
