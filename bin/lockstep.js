#!/usr/bin/env node
import { cliArgs, main } from "../dist/cli/main.js";

main(cliArgs()).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`lockstep: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
