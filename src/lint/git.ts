/**
 * The schemas tree at a git revision, read with `git ls-tree` and `git cat-file --batch` (one
 * process for all blobs): nothing is checked out, the working tree is never touched.
 */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { relative, sep } from "node:path";
import { LockstepError } from "../errors.js";
import { makeTree, type SchemaTree } from "./tree.js";

export function git(cwd: string, args: string[], input?: Buffer): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync("git", args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.error) throw new LockstepError(`cannot run git: ${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.toString().trim() };
}

export function gitTree(cwd: string, ref: string, schemasDir: string): SchemaTree {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new LockstepError(`--against ${ref}: ${cwd} is not in a git repository (${top.err})`);
  if (ref.startsWith("-")) throw new LockstepError(`--against: not a git revision: ${ref}`);
  const commit = git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (!commit.ok) throw new LockstepError(`--against ${ref}: unknown git revision (try a branch, tag or commit, e.g. origin/main; in CI fetch it first)`);
  const root = realpathSync(top.out.toString().trim());
  let dir: string;
  try {
    dir = relative(root, realpathSync(schemasDir)).split(sep).join("/");
  } catch {
    dir = relative(root, schemasDir).split(sep).join("/");
  }
  if (dir.startsWith("..")) throw new LockstepError(`--against ${ref}: the schemas directory is outside the git repository`);
  const sha = commit.out.toString().trim();
  const prefix = dir === "" ? "" : `${dir}/`;
  const listing = git(root, ["ls-tree", "-r", "-z", "--full-tree", sha, "--", prefix === "" ? "." : prefix]);
  if (!listing.ok) throw new LockstepError(`--against ${ref}: git ls-tree failed: ${listing.err}`);
  const blobs = new Map<string, string>();
  for (const line of listing.out.toString("utf8").split("\0")) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (!m || !m[2]!.endsWith(".json") || !m[2]!.startsWith(prefix)) continue;
    blobs.set(m[2]!.slice(prefix.length), m[1]!);
  }
  const texts = readBlobs(root, [...blobs.values()]);
  return makeTree({
    label: ref,
    isRef: true,
    paths: [...blobs.keys()],
    read: (rel) => texts.get(blobs.get(rel)!),
    display: (rel) => `${ref}:${prefix}${rel}`,
  });
}

/** Contents of many blobs with one `git cat-file --batch`. */
function readBlobs(cwd: string, shas: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (shas.length === 0) return out;
  const r = git(cwd, ["cat-file", "--batch"], Buffer.from(`${shas.join("\n")}\n`));
  if (!r.ok) throw new LockstepError(`git cat-file failed: ${r.err}`);
  let pos = 0;
  const buf = r.out;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    const [sha, type, size] = buf.subarray(pos, nl).toString().split(" ");
    pos = nl + 1;
    if (type === "missing" || size === undefined) continue;
    const n = Number(size);
    out.set(sha!, buf.subarray(pos, pos + n).toString("utf8"));
    pos += n + 1;
  }
  return out;
}
