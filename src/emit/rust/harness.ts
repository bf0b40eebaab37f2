/**
 * The round-trip test harness shipped with the crate (issue 4, `lockstep test`):
 * `tests/lockstep_roundtrip.rs`, an integration test run by `cargo test`. It reads the fixtures
 * at test time, so one build serves any number of fixtures.
 *
 * Decided here: the dispatch table (entity, version) → Rust type, which checks each entity gets,
 * and the names of the test modules. The template only prints; the checking code is fixed Rust.
 */
import type { Module } from "../../ir/types.js";
import type { GeneratedFile, HarnessOptions } from "../types.js";
import { MAX_WIDTH, indent } from "./layout.js";
import { moduleName, typeName, unraw } from "./naming.js";
import { render } from "./render.js";
import { rustString } from "./text.js";
import { maxOf } from "../../arrays.js";

export const HARNESS_PATH = "tests/lockstep_roundtrip.rs";

/** One entity version the crate has types for. */
interface Codec {
  entity: string;
  version: number;
  /** Absolute Rust path of the entity's root type, e.g. `::my_crate::user::v1::User`. */
  typePath: string;
}

/** Every (entity, version) of the modules with the Rust path of its root type, sorted. */
export function harnessCodecs(modules: readonly Module[], crate: string): Codec[] {
  const codecs: Codec[] = [];
  for (const module of modules) {
    const mods = module.path.map(moduleName);
    // A module can hold thousands of declarations: look roots up by id, not by a scan each.
    const byId = new Map(module.decls.map((d) => [d.id, d]));
    for (const root of module.entities) {
      const decl = byId.get(root.root);
      if (!decl) throw new Error(`module ${module.path.join("/") || "(root)"} has no root declaration ${root.root}`);
      codecs.push({ entity: root.entity, version: root.version, typePath: ["", crate, ...mods, typeName(decl.name)].join("::") });
    }
  }
  return codecs.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.version - b.version));
}

/** rustfmt's default fn_call_width: widest item list a tuple keeps on one line. */
const TUPLE_ITEMS_WIDTH = 60;

/** A table row `(entity, version, recode::<Type>),` as rustfmt lays it out (vertical when too wide). */
export function codecRow(codec: Codec, fn = "recode"): string[] {
  const items = [rustString(codec.entity), String(codec.version), `${fn}::<${codec.typePath}>`];
  const line = `(${items.join(", ")}),`;
  if (items.join(", ").length <= TUPLE_ITEMS_WIDTH && 4 + line.length <= MAX_WIDTH) return [line];
  return ["(", ...indent(items.map((item) => `${item},`), 4), "),"];
}

interface EntityTests {
  /** Test module name: the entity's module name, unique in the file. */
  mod: string;
  entity: string;
  /** Older fixture versions exist to read (the newest version is above 1). */
  newReadsOld: boolean;
  /** The crate has types for the version before the newest. */
  oldReadsNew: boolean;
}

function entityTests(codecs: readonly Codec[]): EntityTests[] {
  const versions = new Map<string, Set<number>>();
  for (const c of codecs) versions.set(c.entity, (versions.get(c.entity) ?? new Set()).add(c.version));
  const taken = new Set<string>();
  const out: EntityTests[] = [];
  for (const [entity, set] of versions) {
    const newest = maxOf(set);
    let mod = moduleName(entity);
    for (let i = 2; taken.has(unraw(mod)); i++) mod = `${unraw(moduleName(entity))}_${i}`;
    taken.add(unraw(mod));
    out.push({ mod, entity: rustString(entity), newReadsOld: newest > 1, oldReadsNew: set.has(newest - 1) });
  }
  return out;
}

/** The harness file; `header` is the crate's generated-file header (comment lines). */
export function emitHarness(modules: readonly Module[], crate: string, harness: HarnessOptions, header: string[]): GeneratedFile {
  const codecs = harnessCodecs(modules, crate);
  const entities = entityTests(codecs);
  const view = {
    header,
    fixtures: rustString(harness.fixtures),
    codecs: codecs.flatMap((c) => codecRow(c)),
    entities,
    // A check no entity runs is left out, so that clippy sees no dead code.
    newReadsOld: entities.some((e) => e.newReadsOld),
    oldReadsNew: entities.some((e) => e.oldReadsNew),
  };
  return { path: HARNESS_PATH, contents: render("harness.rs", view) };
}
