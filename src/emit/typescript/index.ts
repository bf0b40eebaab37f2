/**
 * The TypeScript emitter: `index.ts` for the root module, `<entity>/v<N>.ts` for older versions,
 * `runtime.ts` (lossless JSON and decode/encode helpers) that they all import, and with
 * options.harness the round-trip test `lockstep.roundtrip.test.ts`.
 */
import type { Emitter, GeneratedFile, TypeScriptOptions } from "../types.js";
import { emitModule, header, modulePath } from "./emit.js";
import { emitHarness } from "./harness.js";
import { RUNTIME_SOURCE } from "./runtime-source.js";

export const emitTypeScript: Emitter<TypeScriptOptions> = (modules, options) => {
  const files: GeneratedFile[] = modules.map((m) => ({ path: modulePath(m), contents: emitModule(m, options.header) }));
  files.push({ path: "runtime.ts", contents: `${header(modules, options.header).join("\n")}\n\n${RUNTIME_SOURCE}` });
  if (options.harness) files.push(emitHarness(modules, options.harness, options.header));
  return files;
};
