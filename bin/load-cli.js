// Loads the command line, dist/cli.cjs (one bundled CommonJS file, with no import() left in it),
// through V8's code cache, dist/cli.cjs.cache, which the build writes after a warm-up run. Node 20
// has no module compile cache, and compiling lockstep's code was a third of a small `generate`.
// V8 rejects a cache made by another Node version; a rejected or missing cache only costs the
// compile time it would have saved. The build writes both files, and only the build.
import { existsSync, readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const CLI_BUNDLE = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.cjs");
export const CODE_CACHE = `${CLI_BUNDLE}.cache`;

/** The CLI's exports ({ cliArgs, main }) and the script they were compiled from. */
export function loadCli() {
  const cachedData = existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(CLI_BUNDLE, "utf8")), { filename: CLI_BUNDLE, cachedData });
  const module = { exports: {}, filename: CLI_BUNDLE, id: CLI_BUNDLE };
  script.runInThisContext()(module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, dirname(CLI_BUNDLE));
  return { exports: module.exports, script };
}
