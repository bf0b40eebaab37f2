/**
 * `lockstep init`: the files a repository needs for the daily workflow. Never overwrites: an
 * existing file is skipped and named (with what to add by hand); .gitignore only gets the
 * entries it lacks, appended.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { CONFIG_FILE, loadConfig } from "../config.js";

export interface Step {
  /** Relative to the project directory. */
  path: string;
  action: "create" | "append" | "skip";
  /** What is written (create), or appended (append). */
  contents: string;
  /** Why a file is skipped, or what is appended. */
  note?: string;
}

/** Entries .gitignore needs: the writer's lock and staging files, and the test cache without node_modules. */
const IGNORED = ["node_modules/", ".lockstep-cache/", ".lockstep.lock", ".lockstep-tmp-*"];

export function planInit(cwd: string): Step[] {
  const steps: Step[] = [];
  const file = (path: string, contents: string, skipNote = "exists; left as it is"): void => {
    steps.push(existsSync(join(cwd, path)) ? { path, action: "skip", contents, note: skipNote } : { path, action: "create", contents });
  };
  file(CONFIG_FILE, CONFIG);
  // The schemas directory the config (new or existing) names.
  const schemas = relative(cwd, loadConfigSafe(cwd)) || "schemas";
  const example = `${schemas}/example/v1.json`;
  if (hasEntities(join(cwd, schemas))) steps.push({ path: example, action: "skip", contents: EXAMPLE, note: `${schemas}/ already has entities` });
  else file(example, EXAMPLE);
  file(".pre-commit-config.yaml", PRE_COMMIT, "exists; add the hooks below to it by hand");
  file(".github/workflows/lockstep.yml", workflow(existsSync(join(cwd, "package-lock.json"))));
  const ignorePath = join(cwd, ".gitignore");
  const present = existsSync(ignorePath) ? readFileSync(ignorePath, "utf8") : undefined;
  const have = new Set((present ?? "").split(/\r?\n/).map((l) => l.trim()));
  const missing = IGNORED.filter((e) => !have.has(e) && !have.has(e.replace(/\/$/, "")) && !have.has(`/${e}`));
  if (present === undefined) steps.push({ path: ".gitignore", action: "create", contents: `${IGNORED.join("\n")}\n` });
  else if (missing.length === 0) steps.push({ path: ".gitignore", action: "skip", contents: "", note: "already ignores what lockstep needs" });
  else steps.push({ path: ".gitignore", action: "append", contents: `${present.endsWith("\n") || present === "" ? "" : "\n"}${missing.join("\n")}\n`, note: missing.join(", ") });
  return steps;
}

export function applyInit(cwd: string, steps: Step[]): void {
  for (const s of steps) {
    const path = join(cwd, s.path);
    if (s.action === "create") {
      mkdirSync(dirname(path), { recursive: true });
      // "wx": never replace a file that appeared since the plan was made.
      writeFileSync(path, s.contents, { flag: "wx" });
    } else if (s.action === "append") {
      writeFileSync(path, s.contents, { flag: "a" });
    }
  }
}

function loadConfigSafe(cwd: string): string {
  return existsSync(join(cwd, CONFIG_FILE)) ? loadConfig(cwd, cwd).schemas : join(cwd, "schemas");
}

function hasEntities(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() && readdirSync(join(dir, d.name)).some((f) => /^v\d+\.json$/.test(f)));
}

const CONFIG = `${JSON.stringify({
  $schema: "./node_modules/lockstep/lockstep.config.schema.json",
  schemas: "schemas",
  typescript: { out: "generated/typescript" },
  rust: { out: "generated/rust", crate: "schemas" },
  go: { out: "generated/go", module: "example.com/project/schemas", package: "schemas" },
  lint: { mode: "additive" },
}, null, 2)}\n`;

const EXAMPLE = `${JSON.stringify({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Example",
  description: "An example entity: copy this directory for your own, and add v2.json next to it for the next version (lockstep new-version example).",
  type: "object",
  required: ["id", "name"],
  properties: {
    id: { type: "string", format: "uuid", description: "Stable identifier." },
    name: { type: "string", minLength: 1 },
    tags: { type: "array", items: { type: "string" } },
    createdAt: { type: "string", format: "date-time" },
  },
}, null, 2)}\n`;

/**
 * The hooks run the project's own lockstep (node_modules/.bin), the version package-lock.json pins,
 * so a hook never disagrees with \`npx lockstep generate\`; the ids are those of .pre-commit-hooks.yaml.
 */
export const PRE_COMMIT = `# lockstep before each commit: https://pre-commit.com (pre-commit install)
repos:
  - repo: local
    hooks:
      - id: lockstep-check
        name: lockstep check (generated code up to date, schema changes compatible)
        entry: npx --no-install lockstep check
        language: system
        pass_filenames: false
        files: \\.(json|ts|rs|go|mod|toml)$
`;

function workflow(lockFile: boolean): string {
  return `# lockstep: generated code up to date, no hand edits, schema changes compatible.
# Findings show as annotations on the pull request; the report is the job summary.
name: lockstep
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20${lockFile ? "\n          cache: npm" : ""}
      - run: ${lockFile ? "npm ci --no-audit --no-fund" : "npm install --no-audit --no-fund"}
      # The composite action shipped in the lockstep package (action.yml): the version you installed.
      - uses: ./node_modules/lockstep
`;
}
