/**
 * The name of each entity root's codec in every target, for programs that call the generated code
 * directly (bench/codecs.bench.mjs): the TypeScript text functions, the Rust type, the Go type.
 */
import { declGoNames } from "../emit/go/emit.js";
import { typeName as rustTypeName } from "../emit/rust/naming.js";
import { decodeTextName, encodeTextName } from "../emit/typescript/naming.js";
import type { Module } from "../ir/types.js";

export interface EntryPoint {
  entity: string;
  version: number;
  /** Id of the root declaration in the module. */
  root: string;
  typescript: { decode: string; encode: string };
  rust: string;
  go: string;
}

export function entryPoints(module: Module): EntryPoint[] {
  const goNames = declGoNames(module);
  return module.entities.map((e) => {
    const decl = module.decls.find((d) => d.id === e.root);
    if (!decl) throw new Error(`entity ${e.entity} v${e.version} has no root declaration ${e.root}`);
    return {
      entity: e.entity,
      version: e.version,
      root: e.root,
      typescript: { decode: decodeTextName(decl.name), encode: encodeTextName(decl.name) },
      rust: rustTypeName(decl.name),
      go: goNames.get(decl.id)!,
    };
  });
}
