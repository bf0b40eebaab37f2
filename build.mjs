// Builds dist/: one bundled ES module per entry (the CLI, and the library that bench/ imports),
// with each command's code in chunks loaded on first use. Type checking is `tsc --noEmit` (see
// package.json). Dependencies are bundled too (Node loads one file faster than a package's
// many), except those loaded only for `lockstep test` and `fixtures` (ts-morph, ajv).
// templates/**/*.hbs are precompiled here: src/emit/templates.ts is replaced by their specs.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import Handlebars from "handlebars";

const root = import.meta.dirname;

/** The precompiled templates, in place of the module that reads and compiles them at run time. */
const precompiledTemplates = {
  name: "precompiled-templates",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]emit[\\/]templates\.ts$/ }, async (args) => {
      // The source module's own options, so src/ (vitest) and dist/ print the same.
      const declared = /COMPILE_OPTIONS = (\{[^}]*\})/.exec(readFileSync(args.path, "utf8"));
      if (!declared) throw new Error(`${args.path}: COMPILE_OPTIONS not found`);
      const options = new Function(`return ${declared[1]};`)();
      const specs = [];
      for (const lang of ["go", "rust"]) {
        for (const file of readdirSync(join(root, "templates", lang)).filter((f) => f.endsWith(".hbs")).sort()) {
          const source = readFileSync(join(root, "templates", lang, file), "utf8");
          specs.push(`  ${JSON.stringify(`${lang}/${file.slice(0, -4)}`)}: ${Handlebars.precompile(source, options)},`);
        }
      }
      const contents = [
        'import Handlebars from "handlebars/runtime.js";',
        `export const COMPILE_OPTIONS = ${JSON.stringify(options)};`,
        "const handlebars = Handlebars.create();",
        `const specs = {\n${specs.join("\n")}\n};`,
        "const compiled = new Map();",
        "export function template(lang, name) {",
        "  const key = `${lang}/${name}`;",
        "  let t = compiled.get(key);",
        "  if (t === undefined) {",
        "    if (!Object.hasOwn(specs, key)) throw new Error(`lockstep: no template templates/${key}.hbs`);",
        "    t = handlebars.template(specs[key]);",
        "    compiled.set(key, t);",
        "  }",
        "  return t;",
        "}",
      ].join("\n");
      return { contents, loader: "js", resolveDir: join(root, "src", "emit") };
    });
  },
};

rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { "cli/main": "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  mainFields: ["module", "main"],
  external: ["ts-morph", "typescript", "ajv", "ajv-formats", "ajv-draft-04"],
  // Bundled CommonJS dependencies require Node built-ins: give them a real require.
  banner: { js: 'import { createRequire as __lockstepCreateRequire } from "node:module";\nconst require = __lockstepCreateRequire(import.meta.url);' },
  plugins: [precompiledTemplates],
  legalComments: "eof",
  logLevel: "warning",
});
