/**
 * One Go module for every Go compile test: .cache/go-cases (module "lockstepcases"). Each test
 * file owns a subtree (unit/, cases/) and its own round-trip program under cmd/, so test files
 * can run side by side; the Go build cache is shared.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../../src/emit/types.js";
import { run } from "./toolchains.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const GO_MODULE_DIR = join(REPO, ".cache/go-cases");
export const GO_MODULE = "lockstepcases";

/** Standard library only (no proxy), the installed toolchain, no workspace file from outside. */
export const GO_ENV = { GOPROXY: "off", GOTOOLCHAIN: "local", GOWORK: "off", GOFLAGS: "-mod=mod", CGO_ENABLED: "0" };

function writeIfChanged(path: string, contents: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === contents) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

export function prepareModule(): void {
  writeIfChanged(join(GO_MODULE_DIR, "go.mod"), `module ${GO_MODULE}\n\ngo 1.22\n`);
}

/**
 * Replaces `subdir` with the generated packages (their go.mod is dropped: one module for all).
 * Imports of the generated module's own packages (the upgrade packages') follow it into subdir.
 */
export function writePackages(subdir: string, files: readonly GeneratedFile[]): void {
  const dir = join(GO_MODULE_DIR, subdir);
  rmSync(dir, { recursive: true, force: true });
  const own = /^module (\S+)$/m.exec(files.find((f) => f.path === "go.mod")?.contents ?? "")?.[1];
  const relocate = (text: string): string => (own === undefined ? text : text.split(`"${own}/`).join(`"${GO_MODULE}/${subdir}/`).split(`"${own}"`).join(`"${GO_MODULE}/${subdir}"`));
  for (const f of files) if (f.path !== "go.mod") writeIfChanged(join(dir, f.path), f.path.endsWith(".go") ? relocate(f.contents) : f.contents);
}

/** go build, go vet and gofmt -l over the given subtrees; throws with the tools' output. */
export function checkPackages(subdirs: string[]): void {
  const patterns = subdirs.map((d) => `./${d}/...`);
  run("go", ["build", ...patterns], GO_MODULE_DIR, GO_ENV);
  run("go", ["vet", ...patterns], GO_MODULE_DIR, GO_ENV);
  const unformatted = run("gofmt", ["-l", ...subdirs], GO_MODULE_DIR).trim();
  if (unformatted !== "") {
    const diff = spawnSync("gofmt", ["-d", ...subdirs], { cwd: GO_MODULE_DIR, encoding: "utf8" }).stdout;
    throw new Error(`gofmt -l lists files:\n${unformatted}\n${diff.slice(0, 20000)}`);
  }
}

export interface GoTrip {
  /** Key the harness knows the type by. */
  key: string;
  /** Import path (inside the module) and Go type name. */
  importPath: string;
  typeName: string;
  file: string;
}

export interface TripResult {
  file: string;
  key: string;
  out?: string;
  error?: string;
}

/**
 * Writes cmd/<name>/main.go decoding each (type, file) pair read from stdin as JSON lines and
 * printing the re-encoded JSON, builds it, runs it once for all trips.
 */
export function roundTrip(name: string, trips: readonly GoTrip[]): TripResult[] {
  const imports = [...new Set(trips.map((t) => t.importPath))].sort();
  const alias = new Map(imports.map((p, i) => [p, `p${i}`]));
  const entries = [...new Map(trips.map((t) => [t.key, t])).values()]
    .map((t) => `\t${JSON.stringify(t.key)}: roundTrip[${alias.get(t.importPath)}.${t.typeName}],`)
    .join("\n");
  const main = `// Round-trip harness written by the Go emitter tests.
package main

import (
	"bufio"
	"encoding/json"
	"os"

${imports.map((p) => `\t${alias.get(p)} ${JSON.stringify(`${GO_MODULE}/${p}`)}`).join("\n")}
)

func roundTrip[T any](data []byte) ([]byte, error) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

var types = map[string]func([]byte) ([]byte, error){
${entries}
}

type request struct {
	Key  string \`json:"key"\`
	File string \`json:"file"\`
}

type result struct {
	Key   string          \`json:"key"\`
	File  string          \`json:"file"\`
	Out   *string         \`json:"out,omitempty"\`
	Error string          \`json:"error,omitempty"\`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			panic(err)
		}
		res := result{Key: req.Key, File: req.File}
		data, err := os.ReadFile(req.File)
		if err == nil {
			data, err = types[req.Key](data)
		}
		if err != nil {
			res.Error = err.Error()
		} else {
			text := string(data)
			res.Out = &text
		}
		if err := out.Encode(res); err != nil {
			panic(err)
		}
	}
}
`;
  const dir = join(GO_MODULE_DIR, "cmd", name);
  writeIfChanged(join(dir, "main.go"), main);
  const bin = join(GO_MODULE_DIR, "bin", name);
  run("go", ["build", "-o", bin, `./cmd/${name}`], GO_MODULE_DIR, GO_ENV);
  const input = trips.map((t) => JSON.stringify({ key: t.key, file: t.file })).join("\n");
  const res = spawnSync(bin, [], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`round-trip harness failed:\n${res.stderr}`);
  return res.stdout
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as TripResult);
}
