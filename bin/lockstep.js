#!/usr/bin/env node
"use strict";
// CommonJS (bin/package.json), like the loader: see bin/load-cli.js.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

if (process.argv.length === 3 && process.argv[2] === "--version") {
  // All that `--version` needs, without loading the command line.
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version}\n`);
} else {
  const { cliArgs, main } = require("./load-cli.js").loadCli().exports;
  main(cliArgs()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`lockstep: internal error: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 70;
    },
  );
}
