// Loads the command line, dist/cli.cjs (one bundled CommonJS file, with no import() left in it),
// through V8's code cache, dist/cli.cjs.cache, which the build writes after a warm-up run. Node 20
// has no module compile cache, and compiling lockstep's code was a third of a small `generate`.
// V8 rejects a cache made by another Node version; a rejected or missing cache only costs the
// compile time it would have saved. The build writes both files, and only the build.
// CommonJS (bin/package.json): an ES module entry starts Node's module loader, and importing
// node:fs from one loads fs/promises, streams and readline for the module's named exports.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");

const CLI_BUNDLE = join(__dirname, "..", "dist", "cli.cjs");
const CODE_CACHE = `${CLI_BUNDLE}.cache`;

/** The CLI's exports ({ cliArgs, main }) and the script they were compiled from. */
function loadCli() {
  const cachedData = existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(CLI_BUNDLE, "utf8")), { filename: CLI_BUNDLE, cachedData });
  const module = { exports: {}, filename: CLI_BUNDLE, id: CLI_BUNDLE };
  script.runInThisContext()(module.exports, Module.createRequire(CLI_BUNDLE), module, CLI_BUNDLE, dirname(CLI_BUNDLE));
  return { exports: module.exports, script };
}

module.exports = { CLI_BUNDLE, CODE_CACHE, loadCli };
