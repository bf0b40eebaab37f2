#!/usr/bin/env node
import { readFileSync } from "node:fs";

if (process.argv.length === 3 && process.argv[2] === "--version") {
  // All that `--version` needs, without loading the command line.
  process.stdout.write(
    `${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`,
  );
} else {
  const { loadCli } = await import("./load-cli.js");
  const { cliArgs, main } = loadCli().exports;
  main(cliArgs()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(
        `lockstep: internal error: ${err && err.stack ? err.stack : err}\n`,
      );
      process.exitCode = 70;
    },
  );
}
