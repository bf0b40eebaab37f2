/** Loads the shared cases (test/cases/*) and the bundled schemas, emits their Rust crates. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { snakeCase, toWords } from "../../src/ir/casing.js";
import type { Module } from "../../src/ir/types.js";
import { emitRust } from "../../src/emit/rust/index.js";
import { typeName } from "../../src/emit/rust/naming.js";
import { loadModules } from "../../src/pipeline.js";
import { REPO, type RoundTrip, type RustCrate } from "./rust-workspace.js";

export const CASES_DIR = join(REPO, "test/cases");
export const TOOL_VERSION = "0.0.0-test";

export interface RustCase extends RustCrate {
  /** Case directory (undefined for the bundled schemas). */
  dir?: string;
  trips: RoundTrip[];
}

export function caseNames(): string[] {
  if (!existsSync(CASES_DIR)) return [];
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(CASES_DIR, e.name, "schemas")))
    .map((e) => e.name)
    .sort();
}

/** Round trips for `instances/<entity>/*.json`, decoded as the entity's newest type. */
function tripsFor(crate: string, root: Module, instancesDir: string): RoundTrip[] {
  if (!existsSync(instancesDir)) return [];
  const trips: RoundTrip[] = [];
  for (const entity of readdirSync(instancesDir).sort()) {
    const root_ = root.entities.find((e) => e.entity === entity);
    if (!root_) throw new Error(`instances for unknown entity ${entity} in ${instancesDir}`);
    const decl = root.decls.find((d) => d.id === root_.root)!;
    for (const file of readdirSync(join(instancesDir, entity)).filter((f) => f.endsWith(".json")).sort()) {
      trips.push({ typePath: `${crate}::${typeName(decl.name)}`, file: join(instancesDir, entity, file) });
    }
  }
  return trips;
}

export async function loadCase(name: string, schemasDir: string, instancesDir?: string): Promise<RustCase> {
  const { modules } = await loadModules(schemasDir, { allVersions: true });
  const crate = snakeCase(toWords(name, "case"));
  const files = emitRust(modules, { header: { toolVersion: TOOL_VERSION }, crate });
  return { name: crate, files, trips: instancesDir ? tripsFor(crate, modules[0]!, instancesDir) : [] };
}

/** Every shared case plus the bundled schemas/. */
export async function loadAllCases(): Promise<RustCase[]> {
  const out: RustCase[] = [];
  for (const name of caseNames()) {
    const dir = join(CASES_DIR, name);
    out.push({ ...(await loadCase(`case_${name}`, join(dir, "schemas"), join(dir, "instances"))), dir });
  }
  if (existsSync(join(REPO, "schemas"))) out.push(await loadCase("lockstep_schemas", join(REPO, "schemas")));
  return out;
}
