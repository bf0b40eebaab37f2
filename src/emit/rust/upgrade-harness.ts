/**
 * The upgrade test shipped with the crate when lockstep test gives hook values:
 * tests/lockstep_upgrade.rs runs every upgrade (each step, each chain to the newest) over the
 * older version's fixtures and, with LOCKSTEP_OUT set, writes each result to upgrades.jsonl.
 * Its hooks answer the values lockstep test computed from the newer schema.
 */
import type { Module } from "../../ir/types.js";
import { hookKey, needsHooks, testedRuns, type Step } from "../../ir/upgrade.js";
import type { GeneratedFile } from "../types.js";
import { moduleName, typeName } from "./naming.js";
import { rustString } from "./text.js";
import { hookSignatures, hooksTrait, upgradeFunction } from "./upgrade.js";

export const UPGRADE_HARNESS_PATH = "tests/lockstep_upgrade.rs";

const BODY = `fn fixtures_dir() -> PathBuf {
    match ::std::env::var_os("LOCKSTEP_FIXTURES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURES),
    }
}

fn hook_value<T: ::serde::de::DeserializeOwned>(json: &str) -> T {
    ::serde_json::from_str(json).expect("a test value the generated types decode")
}

#[test]
fn upgrade() {
    let root = fixtures_dir();
    let mut out = ::std::env::var_os("LOCKSTEP_OUT").filter(|d| !d.is_empty()).map(|dir| {
        ::std::fs::create_dir_all(&dir).expect("LOCKSTEP_OUT is a directory");
        ::std::fs::File::create(Path::new(&dir).join("upgrades.jsonl")).expect("upgrades.jsonl")
    });
    let mut failures = Vec::new();
    for (entity, from, to, run) in UPGRADES {
        let rel = format!("{entity}/v{from}");
        let Ok(entries) = ::std::fs::read_dir(root.join(&rel)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json") && !n.starts_with("future-"))
            .collect();
        names.sort();
        for name in names {
            let fixture = format!("{rel}/{name}");
            let check = format!("upgrade-to-v{to}");
            let text = ::std::fs::read_to_string(root.join(&fixture)).expect("fixture");
            let line = match run(&text) {
                Ok(output) => ::serde_json::json!({ "check": check, "fixture": fixture, "output": output }),
                Err(error) => {
                    failures.push(format!("{fixture}: {error}"));
                    ::serde_json::json!({ "check": check, "fixture": fixture, "error": error })
                }
            };
            if let Some(file) = out.as_mut() {
                writeln!(file, "{line}").expect("write upgrades.jsonl");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\\n"));
}
`;

export function emitUpgradeHarness(steps: readonly Step[], crate: string, runtime: string, fixtures: string, hookValues: Record<string, string>, header: string[]): GeneratedFile | undefined {
  if (steps.length === 0) return undefined;
  const at = (m: Module): string => ["", crate, ...m.path.map(moduleName)].join("::");
  const upgradeMod = (entity: string): string => `::${crate}::${moduleName(entity)}::upgrade`;
  const items: string[] = [];
  const hookStructs = new Map<Step, string>();
  const { runs, hooked } = testedRuns(steps, hookValues);
  for (const s of hooked) {
    const name = `Hooks${hookStructs.size}`;
    hookStructs.set(s, name);
    items.push(`/// Test hooks of ${s.entity} v${s.from} to v${s.to}.`.replace(/[\r\n]/g, " "), `struct ${name};`, "", `impl ${upgradeMod(s.entity)}::${hooksTrait(s)} for ${name} {`);
    for (const m of hookSignatures(s, runtime, at)) {
      const key = hookKey(s, m.hook.name);
      items.push(`    fn ${m.name}(&self, _old: &${m.input}) -> ${m.ret} {`, `        hook_value(${rustString(hookValues[key]!)})`, "    }");
    }
    items.push("}", "");
  }
  const rows: string[] = [];
  runs.forEach((run, i) => {
    const first = run.steps[0]!;
    const last = run.steps[run.steps.length - 1]!;
    const oldType = `${at(first.oldModule)}::${typeName(first.oldModule.decls.find((d) => d.id === first.oldRoot)!.name)}`;
    const hooks = run.steps.filter(needsHooks).map((s) => `, &${hookStructs.get(s)!}`).join("");
    const fn = `run_${i}`;
    items.push(
      `fn ${fn}(text: &str) -> Result<String, String> {`,
      `    let old: ${oldType} = ::serde_json::from_str(text).map_err(|e| format!("decode: {e}"))?;`,
      `    let new = ${upgradeMod(run.entity)}::${upgradeFunction(run.from, run.to)}(&old${hooks})`,
      `        .map_err(|e| format!("upgrade: {e}"))?;`,
      `    ::serde_json::to_string(&new).map_err(|e| format!("encode: {e}"))`,
      "}",
      "",
    );
    void last;
    rows.push(`    (${rustString(run.entity)}, ${run.from}, ${run.to}, ${fn}),`);
  });
  const lines = [
    ...header,
    "",
    "//! Upgrade tests: every upgrade over every older fixture (`future-*` aside); the hooks answer",
    "//! values lockstep test derived from the newer schema. With LOCKSTEP_OUT, results go to",
    "//! `$LOCKSTEP_OUT/upgrades.jsonl`.",
    "",
    "#![allow(deprecated)]",
    "",
    // A hook's return type names BTreeMap when the field is a map (no generated type takes the name).
    ...(items.some((line) => /\bBTreeMap\b/.test(line)) ? ["use ::std::collections::BTreeMap;"] : []),
    "use ::std::io::Write;",
    "use ::std::path::{Path, PathBuf};",
    "",
    `const FIXTURES: &str = ${rustString(fixtures)};`,
    "",
    ...items,
    "type Run = fn(&str) -> Result<String, String>;",
    "",
    "const UPGRADES: &[(&str, u32, u32, Run)] = &[",
    ...rows,
    "];",
    "",
    BODY,
  ];
  return { path: UPGRADE_HARNESS_PATH, contents: lines.join("\n") };
}
