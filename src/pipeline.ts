/**
 * The stages composed in one place: schema files → history → resolved units → IR modules.
 * Lint, emitters and fixtures all start from here.
 */
import { join, relative, resolve, sep } from "node:path";
import { textAt } from "./load/json-file.js";
import { KNOWN_FORMATS, unknownFormatNote } from "./fixtures/formats.js";
import { buildModule } from "./ir/build.js";
import type { Module } from "./ir/types.js";
import { loadHistory, type EntityVersion, type History } from "./load/history.js";
import { resolveUnit } from "./load/resolve.js";
import { withInput } from "./load/limits.js";

export interface LoadOptions {
  /** Also build a module for every older entity version. */
  allVersions?: boolean;
  /** Base for paths shown in messages. */
  cwd?: string;
  /** Local copies of remote documents (config `remotes`): URI → absolute path. */
  remotes?: Record<string, string>;
}

export interface Loaded {
  history: History;
  /** The root module (newest version of every entity) first, then older versions. */
  modules: Module[];
}

export async function loadModules(schemasDir: string, options: LoadOptions = {}): Promise<Loaded> {
  const history = loadHistory(resolve(schemasDir), options.cwd ?? process.cwd(), options.remotes);
  const units: Array<{ path: string[]; versions: EntityVersion[] }> = [
    { path: [], versions: [...history.entities.values()].map((vs) => vs[vs.length - 1]!) },
  ];
  if (options.allVersions) {
    for (const [entity, versions] of history.entities) {
      for (const v of versions.slice(0, -1)) units.push({ path: [entity, `v${v.version}`], versions: [v] });
    }
  }
  const entityOfFile = (file: string): string | undefined => {
    const m = /^([^/]+)\/v\d+\.json$/.exec(file);
    return m && history.entities.has(m[1]!) ? m[1] : undefined;
  };
  const modules: Module[] = [];
  for (const { path, versions } of units) {
    const unit = await withInput(history, versions, () => resolveUnit(history, versions));
    const inputs = unit.inputs.map((abs) => ({
      rel: relative(history.root, abs).split(sep).join("/"),
      text: history.files.get(abs)!.text,
    }));
    const textOf = (file: string, pointer: string): string | undefined => {
      const loaded = history.files.get(join(history.root, ...file.split("/")));
      return loaded && textAt(loaded, pointer);
    };
    const module = await withInput(history, versions, () => buildModule({ unit, path, entityOfFile, inputs, textAt: textOf }));
    for (const f of unit.formats ?? []) {
      if (!KNOWN_FORMATS.has(f.format)) module.warnings.push({ file: f.file, pointer: `${f.pointer}/format`, message: unknownFormatNote(f.format) });
    }
    modules.push(module);
  }
  return { history, modules };
}
