/** Rust words a generated name must not be spelled as, and how each is avoided. */

/**
 * Strict and reserved keywords of every edition up to 2024 (so a crate still compiles when it
 * moves edition). They become raw identifiers: `r#type`.
 */
export const RAW_KEYWORDS: ReadonlySet<string> = new Set([
  "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
  "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
  "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static",
  "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
  "where", "while", "yield",
]);

/** Keywords that cannot be raw identifiers; they get a `_` suffix (`self_`, `Self_`). */
export const SUFFIX_KEYWORDS: ReadonlySet<string> = new Set(["self", "Self", "super", "crate", "_"]);

/**
 * Type names the generated code uses unqualified (prelude, imports, derives). A declaration
 * spelled like one of them gets a `_` suffix so it never shadows what the code means.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  "Option", "Some", "None", "Result", "Ok", "Err", "Box", "String", "Vec", "ToOwned", "ToString",
  "From", "Into", "Iterator", "Default", "Clone", "Copy", "Debug", "PartialEq", "Eq", "Hash",
  "PartialOrd", "Ord", "Send", "Sync", "Sized", "Drop", "Fn", "FnMut", "FnOnce",
  "Serialize", "Deserialize", "Serializer", "Deserializer", "BTreeMap", "Value", "Map",
]);

/**
 * Module names that would shadow a crate the generated code names (`serde::`, `std::`), or that
 * rustc warns about as a module (`mod main;`, `mod lib;`: the crate roots' file names): an entity
 * module spelled like one of them gets a `_` suffix.
 */
export const RESERVED_MODULE_NAMES: ReadonlySet<string> = new Set([
  "std", "core", "alloc", "serde", "serde_json", "proc_macro", "test", "main", "lib",
]);
