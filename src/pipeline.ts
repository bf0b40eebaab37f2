/**
 * The stages composed in one place: schema files → history → resolved units → IR modules.
 * Lint, emitters and fixtures all start from here.
 */
import { join, relative, resolve, sep } from "node:path";
import { canonicalText, textAt } from "./load/json-file.js";
import { KNOWN_FORMATS, unknownFormatNote } from "./fixtures/formats.js";
import { buildModule } from "./ir/module.js";
import type { IntegerPolicy, Module, NameRecord } from "./ir/types.js";
import { loadHistory, type EntityVersion, type History } from "./load/history.js";
import { resolveUnit, type ResolvedUnit } from "./load/resolve.js";
import { withInput } from "./load/limits.js";

export interface LoadOptions {
  /** Also build a module for every older entity version. */
  allVersions?: boolean;
  /** Base for paths shown in messages. */
  cwd?: string;
  /** Local copies of remote documents (config `remotes`): URI → absolute path. */
  remotes?: Record<string, string>;
  /** The project's integer policy (config "int64"). */
  int64?: IntegerPolicy;
}

export interface Loaded {
  history: History;
  /** The root module (newest version of every entity) first, then older versions. */
  modules: Module[];
}

export async function loadModules(schemasDir: string, options: LoadOptions = {}): Promise<Loaded> {
  const history = loadHistory(resolve(schemasDir), options.cwd ?? process.cwd(), options.remotes);
  const entityOfFile = (file: string): string | undefined => {
    const m = /^([^/]+)\/v\d+\.json$/.exec(file);
    return m && history.entities.has(m[1]!) ? m[1] : undefined;
  };
  const resolveVersions = (versions: EntityVersion[]) => withInput(history, versions, () => resolveUnit(history, versions));
  const build = async (unit: ResolvedUnit, path: string[], versions: EntityVersion[], inherited: NameRecord): Promise<Module> => {
    const inputs = unit.inputs.map((abs) => ({
      rel: relative(history.root, abs).split(sep).join("/"),
      canonical: () => canonicalText(history.files.get(abs)!),
    }));
    const textOf = (file: string, pointer: string): string | undefined => {
      const loaded = history.files.get(join(history.root, ...file.split("/")));
      return loaded && textAt(loaded, pointer);
    };
    const module = await withInput(history, versions, () => buildModule({ unit, path, entityOfFile, inputs, textAt: textOf, inherited, int64: options.int64 }));
    for (const f of unit.formats ?? []) {
      if (!KNOWN_FORMATS.has(f.format)) module.warnings.push({ file: f.file, pointer: `${f.pointer}/format`, message: unknownFormatNote(f.format) });
    }
    return module;
  };
  // The newest versions are resolved first, so their errors come first.
  const newestVersions = [...history.entities.values()].map((vs) => vs[vs.length - 1]!);
  const rootUnit = await resolveVersions(newestVersions);
  // Names are stable across versions: each version keeps the names the one before it gave, so
  // every older version is built (in order) even when only the newest ones are emitted.
  const older: Module[] = [];
  const inherited: NameRecord = new Map();
  for (const [entity, versions] of history.entities) {
    let previous: NameRecord = new Map();
    for (const v of versions.slice(0, -1)) {
      let module: Module;
      try {
        module = await build(await resolveVersions([v]), [entity, `v${v.version}`], [v], previous);
      } catch (err) {
        // An older version that no longer loads only matters when it is emitted too; without
        // --all-versions it is read for its names alone, and then gives none.
        if (options.allVersions) throw err;
        previous = new Map();
        continue;
      }
      previous = module.names ?? new Map();
      older.push(module);
    }
    for (const [key, name] of previous) if (!inherited.has(key)) inherited.set(key, name);
  }
  const modules = [await build(rootUnit, [], newestVersions, inherited), ...(options.allVersions ? older : [])];
  return { history, modules };
}
