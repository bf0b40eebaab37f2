/**
 * Names are stable across versions, over real histories (../shared/corpus/history, when present):
 * every name version N generated (types, properties, enum members, variants) is generated again,
 * for the same schema node, in version N+1, unless that node was removed. Names are words; every
 * target spells equal words the same way, so equal words mean the same name in every target.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, copyFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { NameRecord } from "../src/ir/types.js";
import { loadModules } from "../src/pipeline.js";

const CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus");
const HISTORY = join(CORPUS, "history");
const present = existsSync(HISTORY);
if (!present) console.warn(`[lockstep tests] ${HISTORY} not found: skipping the name-stability test over real histories`);

/** One project per history: `<name>/v1.json`...; the SchemaStore files beside them, for relative $refs. */
async function records(name: string): Promise<NameRecord[]> {
  const root = mkdtempSync(join(tmpdir(), "lockstep-names-"));
  try {
    const entity = name.replace(/[^A-Za-z0-9_-]/g, "-");
    const dir = join(root, "schemas", entity);
    mkdirSync(dir, { recursive: true });
    const store = join(CORPUS, "schemastore");
    if (existsSync(store)) for (const f of readdirSync(store)) if (!/^v\d+\.json$/.test(f)) symlinkSync(join(store, f), join(dir, f));
    const versions = readdirSync(join(HISTORY, name)).filter((f) => /^\d+\.json$/.test(f)).map((f) => Number(f.slice(0, -5))).sort((a, b) => a - b);
    for (const v of versions) copyFileSync(join(HISTORY, name, `${v}.json`), join(dir, `v${v}.json`));
    const { modules } = await loadModules(join(root, "schemas"), { allVersions: true, cwd: root });
    // modules: the newest version first, then v1, v2, ... of the one entity.
    return [...modules.slice(1), modules[0]!].map((m) => m.names ?? new Map());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe.runIf(present)("names over real schema histories", () => {
  it("every name version N gave is kept in N+1 for the same node", async () => {
    const histories = readdirSync(HISTORY).filter((n) => existsSync(join(HISTORY, n, "1.json"))).sort();
    let compared = 0;
    const moved: string[] = [];
    const refused: string[] = [];
    for (const name of histories) {
      let chain: NameRecord[];
      try {
        chain = await records(name);
      } catch (err) {
        refused.push(`${name}: ${(err as Error).message.split("\n")[0]}`);
        continue;
      }
      for (let i = 0; i + 1 < chain.length; i++) {
        const [before, after] = [chain[i]!, chain[i + 1]!];
        for (const [key, { final }] of before) {
          const next = after.get(key);
          // The node was removed, or what it is named after was (a kind-union variant is named
          // after the type it refers to, and that definition was renamed).
          if (!next || next.base.join("_") !== before.get(key)!.base.join("_")) continue;
          compared++;
          if (next.final.join("_") !== final.join("_")) moved.push(`${name} v${i + 1} → v${i + 2}: ${key}: ${final.join("_")} → ${next.final.join("_")}`);
        }
      }
    }
    expect(moved).toEqual([]);
    // Offline by design: a history that needs a remote document is refused, and only that.
    for (const r of refused) expect(r).toMatch(/remote \$ref/);
    expect(refused.length).toBeLessThan(histories.length / 4);
    expect(compared).toBeGreaterThan(1000);
  });
});
