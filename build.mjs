// Builds dist/: the command line as one bundled CommonJS file, dist/cli.cjs, with V8's code cache
// for it (dist/cli.cjs.cache, see bin/load-cli.js), and the library that bench/ imports as an ES
// module (dist/index.js). Type checking is `tsc --noEmit` (see package.json). Dependencies are
// bundled too (Node loads one file faster than a package's many), except those loaded only for
// `lockstep test` and `fixtures` (ts-morph, ajv).
// templates/**/*.hbs are compiled here: src/emit/templates.ts is replaced by their functions.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { pathToFileURL } from "node:url";

const root = import.meta.dirname;

/** The compiled templates (src/emit/template-compile.ts), in place of the module that compiles them at run time. */
const precompiledTemplates = {
  name: "precompiled-templates",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]emit[\\/]templates\.ts$/ }, async (args) => {
      // The source module's own options, so src/ (vitest) and dist/ print the same.
      const declared = /COMPILE_OPTIONS = (\{[^}]*\})/.exec(readFileSync(args.path, "utf8"));
      if (!declared) throw new Error(`${args.path}: COMPILE_OPTIONS not found`);
      const { templateCode } = await templateCompiler();
      const specs = [];
      for (const lang of ["go", "rust"]) {
        for (const file of readdirSync(join(root, "templates", lang)).filter((f) => f.endsWith(".hbs")).sort()) {
          const source = readFileSync(join(root, "templates", lang, file), "utf8");
          specs.push(`  ${JSON.stringify(`${lang}/${file.slice(0, -4)}`)}: ${templateCode(source, `templates/${lang}/${file}`)},`);
        }
      }
      const contents = [
        'import { TEMPLATE_RUNTIME } from "./template-runtime.js";',
        `export const COMPILE_OPTIONS = ${declared[1]};`,
        `const specs = {\n${specs.join("\n")}\n};`,
        "const compiled = new Map();",
        "export function template(lang, name) {",
        "  const key = `${lang}/${name}`;",
        "  let t = compiled.get(key);",
        "  if (t === undefined) {",
        "    if (!Object.hasOwn(specs, key)) throw new Error(`lockstep: no template templates/${key}.hbs`);",
        "    t = specs[key](TEMPLATE_RUNTIME);",
        "    compiled.set(key, t);",
        "  }",
        "  return t;",
        "}",
      ].join("\n");
      return { contents, loader: "js", resolveDir: join(root, "src", "emit") };
    });
  },
};

/** src/emit/template-compile.ts, bundled on its own (once) so this script can run it. */
let compiler;
function templateCompiler() {
  compiler ??= (async () => {
    const outfile = join(root, "node_modules", ".cache", "lockstep-build", "template-compile.mjs");
    await build({ absWorkingDir: root, entryPoints: ["src/emit/template-compile.ts"], outfile, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
    return import(pathToFileURL(outfile).href);
  })();
  return compiler;
}

/**
 * yargs guesses its version by reading every directory from the working directory up to one with a
 * package.json (thousands of entries in a /tmp, every ancestor of a Go or Rust project). lockstep
 * sets the version itself, so the search finds nothing, at once.
 */
const noPackageSearch = {
  name: "no-package-search",
  setup(b) {
    b.onResolve({ filter: /^escalade\/sync$/ }, () => ({ path: "escalade-sync", namespace: "no-package-search" }));
    b.onLoad({ filter: /.*/, namespace: "no-package-search" }, () => ({ contents: "export default function findUp() { return undefined; }", loader: "js" }));
  },
};

rmSync(join(root, "dist"), { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20.19",
  mainFields: ["module", "main"],
  external: ["ts-morph", "typescript", "ajv", "ajv-formats", "ajv-draft-04"],
  plugins: [precompiledTemplates, noPackageSearch],
  legalComments: "eof",
  logLevel: "warning",
};
await build({
  ...common,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  format: "esm",
  // Bundled CommonJS dependencies require Node built-ins: give them a real require.
  banner: { js: 'import { createRequire as __lockstepCreateRequire } from "node:module";\nconst require = __lockstepCreateRequire(import.meta.url);' },
});
// CommonJS files of their own: import.meta.url from the file's own path.
const cjs = {
  ...common,
  format: "cjs",
  charset: "ascii",
  minifyWhitespace: true,
  define: { "import.meta.url": "__lockstepUrl" },
  banner: { js: 'const __lockstepUrl = require("node:url").pathToFileURL(__filename).href;' },
};
// One file, so that one code cache covers every command (an ES module cannot use one on Node 20).
await build({
  ...cjs,
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.cjs",
  // import() of the packages left out becomes require(): code from a code cache has no import().
  supported: { "dynamic-import": false },
});
// The emit worker (src/emit/pool.ts): only the emitters.
await build({ ...cjs, entryPoints: ["src/emit/worker.ts"], outfile: "dist/emit-worker.cjs" });
await writeCodeCache();
writeBuildId();

/**
 * Runs the usual commands once on the bundled example schemas (in a temporary copy), so that the
 * functions they call are compiled, and saves V8's code for all of them beside dist/cli.cjs.
 */
async function writeCodeCache() {
  const { loadCli, CODE_CACHE } = await import("./bin/load-cli.js");
  const { exports: cli, script } = loadCli();
  const work = mkdtempSync(join(tmpdir(), "lockstep-build-"));
  const writes = [process.stdout.write, process.stderr.write];
  try {
    cpSync(join(root, "schemas"), join(work, "schemas"), { recursive: true });
    process.stdout.write = process.stderr.write = () => true;
    for (const args of [["generate"], ["generate", "--check"], ["lint"], ["check"], ["diff"], ["--help"]]) {
      await cli.main([...args, "-C", work]).catch(() => 2);
    }
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(CODE_CACHE, script.createCachedData());
}

/** The hash of the code just built, which generate's fingerprint uses in place of reading dist/. */
function writeBuildId() {
  const hash = createHash("sha256");
  const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of files(join(root, "dist")).filter((f) => /\.c?js$/.test(f)).sort()) hash.update(file.slice(root.length)).update(readFileSync(file));
  writeFileSync(join(root, "dist", "build-id"), `${hash.digest("hex")}\n`);
}
