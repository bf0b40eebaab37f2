/**
 * The TypeScript emitter: `index.ts` for the root module, `<entity>/v<N>.ts` for older versions,
 * `runtime.ts` (lossless JSON and decode/encode helpers) that they all import, `canonical.ts`
 * (fingerprints and diffs), `validate.ts` + `validation.ts` (validators), and with options.harness the round-trip test
 * `lockstep.roundtrip.test.ts` and `lockstep.fingerprint.test.ts`.
 */
import type { Module } from "../../ir/types.js";
import type { Emitter, GeneratedFile, TypeScriptOptions } from "../types.js";
import { emitModule, header, modulePath } from "./emit.js";
import { emitCanonical, emitFingerprintHarness } from "./fingerprint.js";
import { emitHarness } from "./harness.js";
import { RUNTIME_SOURCE } from "./runtime-source.js";
import { planUpgrades } from "../../ir/upgrade.js";
import { emitUpgrades } from "./upgrade.js";
import { emitUpgradeHarness } from "./upgrade-harness.js";
import { emitValidators } from "./validate.js";

/** The validators' files (validate.ts per module, validation.ts): a part another thread may emit. */
export const emitTypeScriptValidators: Emitter<TypeScriptOptions> = (modules, options) => emitValidators(modules, options.header);

/** Every file; `validators`, when given, are emitTypeScriptValidators' files for the same modules. */
export function emitTypeScript(modules: readonly Module[], options: TypeScriptOptions, validators?: GeneratedFile[]): GeneratedFile[] {
  const files: GeneratedFile[] = modules.map((m) => ({ path: modulePath(m), contents: emitModule(m, options.header) }));
  files.push({ path: "runtime.ts", contents: `${header(modules, options.header).join("\n")}\n\n${RUNTIME_SOURCE}` });
  files.push(emitCanonical(modules, options.header));
  const steps = planUpgrades(modules);
  for (const f of emitUpgrades(steps, (ms) => header(ms, options.header))) files.push(f);
  files.push(...(validators ?? emitTypeScriptValidators(modules, options)));
  if (options.harness) files.push(emitHarness(modules, options.harness, options.header), emitFingerprintHarness(modules, options.header));
  if (options.harness?.hookValues) {
    const test = emitUpgradeHarness(modules, steps, options.harness.fixtures, options.harness.hookValues, options.header);
    if (test) files.push(test);
  }
  return files;
}
