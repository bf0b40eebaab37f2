/**
 * Files that ship with lockstep (package.json, templates/, the config schema), found from this
 * module's own location: it runs from src/ under vitest and from a bundled chunk in dist/ when
 * installed, at different depths, so the package root is the nearest directory with package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

export function packageRoot(): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, "package.json"))) {
      const up = dirname(dir);
      if (up === dir) throw new Error(`lockstep: no package.json above ${fileURLToPath(import.meta.url)}`);
      dir = up;
    }
    root = dir;
  }
  return root;
}

/** A path inside the package, e.g. packagePath("templates", "go"). */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}

/** The directory the running code was loaded from: <root>/src or <root>/dist. */
export function codeDir(): string {
  const here = relative(packageRoot(), dirname(fileURLToPath(import.meta.url)));
  return packagePath(here.split(sep)[0]!);
}

let version: string | undefined;

/** lockstep's version, from its package.json. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
  return version;
}
