/**
 * `lockstep generate`: schemas → IR → TypeScript, Rust and Go files → one writer. All emitters
 * run in memory first; nothing is written unless every stage succeeded.
 */
import { relative, sep } from "node:path";
import { emitGo } from "./emit/go/index.js";
import { emitRust } from "./emit/rust/index.js";
import { emitTypeScript } from "./emit/typescript/index.js";
import type { HeaderInfo } from "./emit/types.js";
import type { Config } from "./config.js";
import type { Warning } from "./ir/types.js";
import { loadModules } from "./pipeline.js";
import { plan, writeOutputs, type OutputDir, type WriteReport } from "./write.js";

export type Target = "typescript" | "rust" | "go";
export const TARGETS: Target[] = ["typescript", "rust", "go"];

export interface GenerateOptions {
  config: Config;
  /** Limit to these targets (default: every target the config enables). */
  targets?: Target[];
  /** Only report what would change; write nothing. */
  check?: boolean;
  cwd?: string;
  toolVersion: string;
}

export interface GenerateResult {
  reports: Array<WriteReport & { target: Target }>;
  warnings: Array<Warning & { display: string }>;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { config } = options;
  const { modules, history } = await loadModules(config.schemas, { allVersions: config.allVersions, cwd: options.cwd });
  const header: HeaderInfo = { toolVersion: options.toolVersion };
  // Each target ships its round-trip harness, pointed at the fixtures directory.
  const harness = (out: string) => ({ fixtures: relative(out, config.fixtures).split(sep).join("/") });
  const outputs: Array<OutputDir & { target: Target }> = [];
  const wanted = options.targets ?? TARGETS;
  if (config.typescript && wanted.includes("typescript")) {
    outputs.push({ target: "typescript", dir: config.typescript.out, files: emitTypeScript(modules, { header, harness: harness(config.typescript.out) }) });
  }
  if (config.rust && wanted.includes("rust")) {
    outputs.push({ target: "rust", dir: config.rust.out, files: emitRust(modules, { header, crate: config.rust.crate, harness: harness(config.rust.out) }) });
  }
  if (config.go && wanted.includes("go")) {
    outputs.push({ target: "go", dir: config.go.out, files: emitGo(modules, { header, module: config.go.module, package: config.go.package, harness: harness(config.go.out) }) });
  }
  const reports = options.check ? plan(outputs) : writeOutputs(outputs, options.cwd);
  const seen = new Set<string>();
  const warnings: GenerateResult["warnings"] = [];
  for (const m of modules) {
    for (const w of m.warnings) {
      const key = `${w.file}#${w.pointer}#${w.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ ...w, display: history.locateDisplay(w.file, w.pointer) });
    }
  }
  return { reports: reports.map((r, i) => ({ ...r, target: outputs[i]!.target })), warnings };
}
