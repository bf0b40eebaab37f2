/**
 * One cargo workspace for every Rust crate the tests generate, under .cache/rust-cases/, with one
 * target dir so serde builds once and unchanged crates stay compiled between runs. Files are
 * written only when their contents change (cargo's fingerprints use mtimes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../../src/emit/types.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const WORKSPACE = join(REPO, ".cache/rust-cases");
export const HARNESS = "lockstep_roundtrip";

export interface RustCrate {
  /** Directory and package name under crates/. */
  name: string;
  files: GeneratedFile[];
}

/** One instance to decode as `typePath` and encode again. */
export interface RoundTrip {
  /** Rust path of the type, e.g. `case_objects::Document`. */
  typePath: string;
  file: string;
  /** What encoding must give when it is not the input (defaults filled in). */
  expected?: string;
}

function writeIfChanged(path: string, contents: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === contents) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

/** Removes files under `dir` that are not in `keep` (paths relative to dir). */
function prune(dir: string, keep: Set<string>, rel = ""): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      prune(dir, keep, path);
      if (readdirSync(join(dir, path)).length === 0) rmSync(join(dir, path), { recursive: true });
    } else if (!keep.has(path)) rmSync(join(dir, path));
  }
}

/** The round-trip binary: reads `typePath\tfile` lines on stdin, prints one JSON result per line. */
function harness(crates: RustCrate[], trips: RoundTrip[]): GeneratedFile[] {
  const deps = crates.map((c) => `${c.name} = { path = "../crates/${c.name}" }`).join("\n");
  const types = [...new Set(trips.map((t) => t.typePath))].sort();
  const arms = types.map((t) => `        ${JSON.stringify(t)} => roundtrip::<${t}>(text),`).join("\n");
  const main = `// Decoding a deprecated entity is still a use of it.
#![allow(deprecated)]

use std::io::Read;

fn roundtrip<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> Result<String, String> {
    let value: T = serde_json::from_str(text).map_err(|e| format!("decode: {e}"))?;
    serde_json::to_string(&value).map_err(|e| format!("encode: {e}"))
}

fn dispatch(type_path: &str, text: &str) -> Result<String, String> {
    match type_path {
${arms}
        _ => Err(format!("no type {type_path}")),
    }
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    for line in input.lines() {
        let (type_path, file) = line.split_once('\\t').expect("type\\tfile");
        let text = std::fs::read_to_string(file).expect("instance file");
        let result = match dispatch(type_path, &text) {
            Ok(json) => serde_json::json!({ "file": file, "ok": json }),
            Err(error) => serde_json::json!({ "file": file, "error": error }),
        };
        println!("{result}");
    }
}
`;
  return [
    {
      path: "Cargo.toml",
      contents: `[package]\nname = "${HARNESS}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\nserde = "1"\nserde_json = "1"\n${deps}\n`,
    },
    { path: "src/main.rs", contents: main },
  ];
}

/** Writes the workspace: every crate, the harness, and the workspace manifest. */
export function writeWorkspace(crates: RustCrate[], trips: RoundTrip[]): void {
  mkdirSync(WORKSPACE, { recursive: true });
  writeIfChanged(join(WORKSPACE, "Cargo.toml"), `[workspace]\nresolver = "2"\nmembers = ["crates/*", "harness"]\n`);
  const keep = new Set<string>();
  for (const crate of crates) {
    for (const file of crate.files) {
      keep.add(`${crate.name}/${file.path}`);
      writeIfChanged(join(WORKSPACE, "crates", crate.name, file.path), file.contents);
    }
  }
  prune(join(WORKSPACE, "crates"), keep);
  for (const file of harness(crates, trips)) writeIfChanged(join(WORKSPACE, "harness", file.path), file.contents);
}

export const TARGET_DIR = join(WORKSPACE, "target");
export const HARNESS_BIN = join(TARGET_DIR, "debug", HARNESS);
