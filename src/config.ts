/**
 * lockstep.config.json: optional; validated against lockstep.config.schema.json (shipped in the
 * package, so editors autocomplete it). Unknown keys are errors with file:line:col.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { errorAt, parseJsonFile } from "./load/json-file.js";
import { DEFAULT_MAX_DEPTH } from "./load/limits.js";
import type { IntegerPolicy } from "./ir/types.js";
import type { Mode, Severity, Target } from "./lint/types.js";
import { packagePath } from "./paths.js";

export const CONFIG_FILE = "lockstep.config.json";

export interface Config {
  /** Absolute schemas directory. */
  schemas: string;
  /** Absolute fixtures directory. */
  fixtures: string;
  allVersions: boolean;
  /** Names that collide in some target are errors instead of being told apart with a suffix. */
  strictNames: boolean;
  /** The default integer policy (src/ir/integers.ts); the earlier spelling "bigint" reads as "number". */
  int64: IntegerPolicy;
  /** Deepest nesting of objects and arrays accepted in a schema file (src/load/limits.ts). */
  maxDepth: number;
  typescript: { out: string } | false;
  rust: { out: string; crate: string } | false;
  go: { out: string; module: string; package: string } | false;
  lint: LintConfig;
  /** The `check` section: the git revision changed entities are linted against. */
  check: { against?: string };
  /** Local copies of remote documents: URI (no fragment) → absolute path. */
  remotes: Record<string, string>;
  /** The config file read, if any. */
  file?: string;
}

/** The `lint` section: compatibility mode per entity, rule severities, suppressions. */
export interface LintConfig {
  mode: Mode;
  transitive: boolean;
  /** Who counts as a reader: generated code per language and JSON Schema validators. */
  targets: Target[];
  /** Severity per rule id, overriding the mode's verdict. */
  rules: Record<string, Severity>;
  entities: Record<string, { mode?: Mode; transitive?: boolean }>;
  /** Checked by lint itself (a missing reason is a finding with a position, not a config error). */
  suppressions: Array<{ rule?: unknown; entity?: unknown; pointer?: unknown; reason?: unknown; version?: unknown }>;
}

export function lintDefaults(): LintConfig {
  return { mode: "additive", transitive: false, targets: ["rust", "go", "typescript", "validators"], rules: {}, entities: {}, suppressions: [] };
}

let validator: ReturnType<Ajv2020["compile"]> | undefined;

function validate(value: unknown): ReturnType<Ajv2020["compile"]>["errors"] {
  if (!validator) {
    // Loaded only when a config file exists (ajv takes longer to load than most commands run).
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(packagePath("lockstep.config.schema.json"), "utf8")) as object);
  }
  return validator(value) ? null : validator.errors;
}

/** Reads `<dir>/lockstep.config.json` if present; paths in it are relative to `dir`. */
export function loadConfig(dir: string, cwd: string = process.cwd()): Config {
  const path = join(dir, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(path)) {
    const file = parseJsonFile(path, relative(cwd, path) || path, readFileSync(path, "utf8"));
    const errors = validate(file.value);
    if (errors && errors.length > 0) {
      const e = pickError(errors);
      const extra = e.keyword === "additionalProperties" ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const pointer = extra !== undefined ? `${e.instancePath}/${extra}` : e.instancePath;
      const allowed = e.keyword === "enum" ? (e.params as { allowedValues?: unknown[] }).allowedValues : undefined;
      const what = allowed ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}` : e.message;
      const message = extra !== undefined ? `unknown key "${extra}" in ${CONFIG_FILE}` : `${CONFIG_FILE}: ${e.instancePath || "(root)"} ${what}`;
      throw errorAt(file, pointer, message);
    }
    raw = file.value as Record<string, unknown>;
  }
  const section = <T extends object>(key: string, defaults: T): T | false => {
    const value = raw[key];
    if (value === false) return false;
    const merged = { ...defaults, ...(value as Partial<T> | undefined) } as T & { out?: string };
    return { ...merged, ...(merged.out !== undefined ? { out: resolve(dir, merged.out) } : {}) };
  };
  return {
    schemas: resolve(dir, (raw.schemas as string | undefined) ?? "schemas"),
    fixtures: resolve(dir, (raw.fixtures as string | undefined) ?? "fixtures"),
    allVersions: (raw.allVersions as boolean | undefined) ?? false,
    strictNames: (raw.strictNames as boolean | undefined) ?? false,
    int64: raw.int64 === undefined || raw.int64 === "bigint" ? "number" : (raw.int64 as IntegerPolicy),
    maxDepth: (raw.maxDepth as number | undefined) ?? DEFAULT_MAX_DEPTH,
    typescript: section("typescript", { out: "generated/typescript" }),
    rust: section("rust", { out: "generated/rust", crate: "lockstep_schemas" }),
    go: section("go", { out: "generated/go", module: "example.com/lockstep/schemas", package: "schemas" }),
    lint: { ...lintDefaults(), ...(raw.lint as Partial<LintConfig> | undefined) },
    check: { ...(raw.check as { against?: string } | undefined) },
    remotes: Object.fromEntries(Object.entries((raw.remotes as Record<string, string> | undefined) ?? {}).map(([uri, file]) => [uri, resolve(dir, file)])),
    ...(existsSync(path) ? { file: path } : {}),
  };
}

/** Prefers the most specific error (unknown keys inside a target section over the oneOf summary). */
function pickError<E extends { keyword: string; instancePath: string }>(errors: E[]): E {
  return errors.find((e) => e.keyword === "additionalProperties") ?? errors.find((e) => e.keyword !== "oneOf" && e.keyword !== "const") ?? errors[0]!;
}
