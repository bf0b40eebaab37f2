/**
 * The TypeScript emitter: `index.ts` for the root module, `<entity>/v<N>.ts` for older versions,
 * `runtime.ts` (lossless JSON and decode/encode helpers) that they all import, `canonical.ts`
 * (fingerprints and diffs), `validate.ts` + `validation.ts` (validators), and with options.harness the round-trip test
 * `lockstep.roundtrip.test.ts` and `lockstep.fingerprint.test.ts`.
 */
import type { Emitter, GeneratedFile, TypeScriptOptions } from "../types.js";
import { emitModule, header, modulePath } from "./emit.js";
import { emitCanonical, emitFingerprintHarness } from "./fingerprint.js";
import { emitHarness } from "./harness.js";
import { RUNTIME_SOURCE } from "./runtime-source.js";
import { planUpgrades } from "../../ir/upgrade.js";
import { emitUpgrades } from "./upgrade.js";
import { emitUpgradeHarness } from "./upgrade-harness.js";
import { emitValidators } from "./validate.js";

export const emitTypeScript: Emitter<TypeScriptOptions> = (modules, options) => {
  const files: GeneratedFile[] = modules.map((m) => ({ path: modulePath(m), contents: emitModule(m, options.header) }));
  files.push({ path: "runtime.ts", contents: `${header(modules, options.header).join("\n")}\n\n${RUNTIME_SOURCE}` });
  files.push(emitCanonical(modules, options.header));
  const steps = planUpgrades(modules);
  for (const f of emitUpgrades(steps, (ms) => header(ms, options.header))) files.push(f);
  files.push(...emitValidators(modules, options.header));
  if (options.harness) files.push(emitHarness(modules, options.harness, options.header), emitFingerprintHarness(modules, options.header));
  if (options.harness?.hookValues) {
    const test = emitUpgradeHarness(modules, steps, options.harness.fixtures, options.harness.hookValues, options.header);
    if (test) files.push(test);
  }
  return files;
};
