/** The shared cases (test/cases/*) and the bundled schemas/, emitted as Go, with their round trips. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { declGoNames } from "../../src/emit/go/emit.js";
import { emitGo } from "../../src/emit/go/index.js";
import type { GeneratedFile } from "../../src/emit/types.js";
import type { Module } from "../../src/ir/types.js";
import { loadModules } from "../../src/pipeline.js";
import { REPO, type GoTrip } from "./go-module.js";

export const CASES_DIR = join(REPO, "test/cases");
export const TOOL_VERSION = "0.0.0-test";

export interface GoCase {
  name: string;
  /** Case directory; undefined for the bundled schemas. */
  dir?: string;
  /** Subdirectory of the shared Go module the packages go to. */
  subdir: string;
  files: GeneratedFile[];
  trips: GoTrip[];
}

export function caseNames(): string[] {
  if (!existsSync(CASES_DIR)) return [];
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(CASES_DIR, e.name, "schemas")))
    .map((e) => e.name)
    .sort();
}

/** Options the goldens are generated with. */
export const goOptions = (name: string): { header: { toolVersion: string }; module: string; package: string } => ({
  header: { toolVersion: TOOL_VERSION },
  module: `example.com/lockstep/${name}`,
  package: "schemas",
});

function tripsFor(subdir: string, root: Module, instancesDir: string): GoTrip[] {
  if (!existsSync(instancesDir)) return [];
  const names = declGoNames(root);
  const trips: GoTrip[] = [];
  for (const entity of readdirSync(instancesDir).sort()) {
    const e = root.entities.find((x) => x.entity === entity);
    if (!e) throw new Error(`instances for unknown entity ${entity} in ${instancesDir}`);
    for (const file of readdirSync(join(instancesDir, entity)).filter((f) => f.endsWith(".json")).sort()) {
      trips.push({ key: `${subdir}/${entity}`, importPath: subdir, typeName: names.get(e.root)!, file: join(instancesDir, entity, file) });
    }
  }
  return trips;
}

export async function loadCase(name: string, schemasDir: string, subdir: string, instancesDir?: string): Promise<GoCase> {
  const { modules } = await loadModules(schemasDir, { allVersions: true });
  const files = emitGo(modules, goOptions(name));
  return { name, subdir, files, trips: instancesDir ? tripsFor(subdir, modules[0]!, instancesDir) : [] };
}

export async function loadAllCases(): Promise<GoCase[]> {
  const out: GoCase[] = [];
  for (const name of caseNames()) {
    const dir = join(CASES_DIR, name);
    out.push({ ...(await loadCase(name, join(dir, "schemas"), `cases/${name}`, join(dir, "instances"))), dir });
  }
  if (existsSync(join(REPO, "schemas"))) out.push(await loadCase("schemas", join(REPO, "schemas"), "bundled"));
  return out;
}
