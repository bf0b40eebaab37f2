/**
 * The one place that writes generated files. A manifest in each output directory lists what
 * lockstep wrote; only those files are ever overwritten or deleted. Everything is checked and
 * staged under temporary names first, so a refused or failed run leaves the previous output as it
 * was; each file then moves into place with a rename, under a lock (src/lock.ts), so a
 * killed run leaves every file whole (old or new) and the next run repairs the rest.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { LockstepError } from "./errors.js";
import type { GeneratedFile } from "./emit/types.js";
import { lockDirs, sleep } from "./lock.js";

export const MANIFEST = ".lockstep-manifest.json";

export interface OutputDir {
  /** Absolute directory. */
  dir: string;
  files: GeneratedFile[];
}

export interface WriteReport {
  dir: string;
  written: string[];
  unchanged: number;
  removed: string[];
}

interface Manifest {
  generator: "lockstep";
  /** Hash of everything the output was made from (schemas, config, lockstep version). */
  fingerprint?: string;
  /**
   * SHA-256 of the canonical form of each schema file it was made from (by path relative to the
   * schemas root), as lockstep.lock.json records released versions: while the fingerprint matches,
   * `check` compares the lock with these instead of reading every schema; else it names the changed ones.
   */
  inputs?: Record<string, string>;
  files: Record<string, string>;
  /**
   * Size and modification time (ms) of each file when the manifest was written: `--check` trusts a
   * file whose stat is unchanged and older than the manifest (else it hashes it, as git does with
   * a "racily clean" index entry), so an unchanged tree costs a stat per file, not a read.
   */
  stats?: Record<string, [number, number]>;
}

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/**
 * UTF-8 encoding of one file at a time into one reused buffer (valid until the next call): no new
 * memory, and no page faults, per file. A failed attempt (too small) grows the buffer and retries.
 */
function scratchEncoder(): (text: string) => Buffer {
  const encoder = new TextEncoder();
  let buffer = Buffer.allocUnsafeSlow(0);
  return (text) => {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, buffer);
      if (read === text.length) return buffer.subarray(0, written);
      // Enough for ASCII-heavy text first, then for any text (at most 3 bytes per UTF-16 unit).
      buffer = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, Math.ceil(text.length * (buffer.length < text.length ? 1.25 : 3)) + 16));
    }
  };
}

function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return { generator: "lockstep", files: {} };
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    if (value.generator === "lockstep" && value.files && typeof value.files === "object") return value;
  } catch {
    // fall through: an unreadable manifest owns nothing
  }
  throw new LockstepError(`${MANIFEST} is not a lockstep manifest; refusing to touch ${dir}`, { file: path });
}

function safePath(dir: string, rel: string): string {
  const abs = join(dir, rel);
  const back = relative(dir, abs);
  if (back.startsWith("..") || back.split(sep).includes("..") || rel.includes("\0")) {
    throw new LockstepError(`internal error: generated path escapes the output directory: ${rel}`);
  }
  return abs;
}

/** Whether the file at abs (its stat given) holds exactly these bytes: compared as bytes, never decoded. */
function holds(abs: string, stat: Stats, bytes: Uint8Array): boolean {
  return stat.size === bytes.length && readFileSync(abs).equals(bytes);
}

/** Paths of the manifest that lockstep no longer generates and that are still there. */
function removedFiles(dir: string, manifest: Manifest, files: GeneratedFile[]): string[] {
  const keep = new Set(files.map((f) => f.path));
  return Object.keys(manifest.files).filter((p) => !keep.has(p) && existsSync(join(dir, p)));
}

/** What would change, without writing: for --check. */
export function plan(outputs: OutputDir[]): WriteReport[] {
  const encode = scratchEncoder();
  return outputs.map(({ dir, files }) => {
    const manifest = readManifest(dir);
    const written = files.filter((f) => {
      const abs = safePath(dir, f.path);
      const stat = statSync(abs, { throwIfNoEntry: false });
      return stat === undefined || !holds(abs, stat, encode(f.contents));
    });
    return { dir, written: written.map((f) => f.path), unchanged: files.length - written.length, removed: removedFiles(dir, manifest, files) };
  });
}

/**
 * Whether every directory was written from inputs with this fingerprint and still holds exactly
 * what was written then: the fast path that skips loading and emitting altogether.
 */
export function upToDate(dirs: string[], fingerprint: string): number | undefined {
  let files = 0;
  for (const dir of dirs) {
    let manifest: Manifest;
    try {
      manifest = readManifest(dir);
    } catch {
      return undefined;
    }
    if (manifest.fingerprint !== fingerprint) return undefined;
    const written = manifestTime(dir);
    for (const [rel, hash] of Object.entries(manifest.files)) {
      const abs = join(dir, rel);
      const stat = statSync(abs, { throwIfNoEntry: false });
      if (!stat) return undefined;
      // Bytes, not text: the same digest without decoding megabytes of generated code.
      if (!statTrusted(manifest, written, rel, stat) && sha256(readFileSync(abs)) !== hash) return undefined;
      files++;
    }
  }
  return files;
}

/** When the directory's manifest was written (ms; 0 when there is none). */
function manifestTime(dir: string): number {
  return statSync(join(dir, MANIFEST), { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

/**
 * Whether a file still holds what the manifest hashed: its size and modification time are those
 * recorded, and older than the manifest (else it may have changed within the same tick: "racily
 * clean", as git calls it).
 */
function statTrusted(manifest: Manifest, written: number, rel: string, stat: Stats): boolean {
  const known = manifest.stats?.[rel];
  return known !== undefined && known[0] === stat.size && known[1] === stat.mtimeMs && stat.mtimeMs < written;
}

/**
 * Files of a directory's manifest that no longer hold what lockstep wrote (edited by hand, or
 * deleted): for `lockstep check`, which names them instead of calling them out of date.
 */
export function editedFiles(dir: string): Array<{ path: string; deleted: boolean }> {
  if (!existsSync(join(dir, MANIFEST))) return [];
  const out: Array<{ path: string; deleted: boolean }> = [];
  for (const [rel, hash] of Object.entries(readManifest(dir).files)) {
    const abs = join(dir, rel);
    if (!existsSync(abs)) out.push({ path: rel, deleted: true });
    else if (sha256(readFileSync(abs)) !== hash) out.push({ path: rel, deleted: false });
  }
  return out;
}

/** The schema hashes a directory's output was written from (undefined before they were recorded). */
export function recordedInputs(dir: string): Record<string, string> | undefined {
  return existsSync(join(dir, MANIFEST)) ? readManifest(dir).inputs : undefined;
}

export function writeOutputs(outputs: OutputDir[], cwd: string = process.cwd(), fingerprint?: string, inputs?: Record<string, string>): WriteReport[] {
  // 0. One writer per directory at a time (src/lock.ts); everything below happens under the lock.
  const lock = lockDirs(outputs.map((o) => o.dir), (p) => relative(cwd, p) || p);
  try {
    return writeLocked(outputs, cwd, fingerprint, inputs);
  } finally {
    lock.release();
  }
}

/** A generated file and what its path holds now. */
interface Pending {
  file: GeneratedFile;
  abs: string;
  /** Its UTF-8 bytes (until written) and their hash, once encoded. */
  bytes?: Buffer;
  hash?: string;
  /** The file's stat when the path already holds exactly these bytes (nothing to write). */
  same?: Stats;
}

/**
 * Each file of a directory against what its path holds (by bytes: a hand edit is always undone):
 * a file lockstep did not write is refused unless it already holds these bytes. A missing file is
 * encoded when it is written.
 */
function compare(dir: string, manifest: Manifest, files: GeneratedFile[], cwd: string, encode: (text: string) => Buffer): Pending[] {
  return files.map((file) => {
    const abs = safePath(dir, file.path);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (stat === undefined) return { file, abs };
    const bytes = encode(file.contents);
    const hash = sha256(bytes);
    const owned = file.path in manifest.files;
    const same = holds(abs, stat, bytes);
    if (!owned && !same) {
      throw new LockstepError(
        `refusing to overwrite ${relative(cwd, abs)}: it was not generated by lockstep (move it, or choose another output directory)`,
        { file: relative(cwd, abs) },
      );
    }
    // A copy: the encoder's buffer holds the next file's bytes next.
    return same ? { file, abs, hash, same: stat } : { file, abs, bytes: Buffer.from(bytes), hash };
  });
}

function writeLocked(outputs: OutputDir[], cwd: string, fingerprint: string | undefined, inputs: Record<string, string> | undefined): WriteReport[] {
  // 1. Refuse before touching anything: never overwrite a file lockstep did not write.
  const manifests = outputs.map(({ dir }) => readManifest(dir));
  const encode = scratchEncoder();
  const pending = outputs.map(({ dir, files }, i) => compare(dir, manifests[i]!, files, cwd, encode));
  const reports: WriteReport[] = outputs.map(({ dir, files }, i) => {
    const written = pending[i]!.filter((p) => p.same === undefined).map((p) => p.file.path);
    return { dir, written, unchanged: files.length - written.length, removed: removedFiles(dir, manifests[i]!, files) };
  });
  const delay = Number(process.env.LOCKSTEP_TEST_WRITE_DELAY_MS ?? 0);
  // 2. Stage every changed file, then move each into place (a rename: a file is old or new, never half).
  outputs.forEach(({ dir, files }, i) => {
    const report = reports[i]!;
    mkdirSync(dir, { recursive: true });
    removeLeftovers(dir, [...files.map((f) => f.path), ...Object.keys(manifests[i]!.files)]);
    const hashes: Record<string, string> = {};
    const stats: Record<string, [number, number]> = {};
    // Staged beside its destination under a temporary name (no directory to make and remove:
    // removing one costs milliseconds on some file systems, more than writing a small project).
    const staged: Array<{ tmp: string; dest: string; path: string }> = [];
    const made: string[] = [];
    const dirs = new Set<string>([dir]);
    let moved = 0;
    try {
      for (const p of pending[i]!) {
        if (p.same !== undefined) {
          hashes[p.file.path] = p.hash!;
          stats[p.file.path] = [p.same.size, p.same.mtimeMs];
          continue;
        }
        // Encoded once, for the hash and the file.
        const bytes = p.bytes ?? encode(p.file.contents);
        p.bytes = undefined;
        hashes[p.file.path] = p.hash ?? sha256(bytes);
        const parent = dirname(p.abs);
        if (!dirs.has(parent)) {
          const top = mkdirSync(parent, { recursive: true });
          if (top !== undefined) made.push(top);
          dirs.add(parent);
        }
        const tmp = join(parent, `${STAGE_PREFIX}${process.pid}-${basename(p.abs)}`);
        writeFileSync(tmp, bytes);
        staged.push({ tmp, dest: p.abs, path: p.file.path });
      }
      if (report.written.length > 0 || report.removed.length > 0) {
        // Before the first move, the manifest owns old and new files alike and matches no
        // fingerprint: a run killed midway leaves output the next run may overwrite and repairs.
        writeManifest(dir, { generator: "lockstep", files: { ...manifests[i]!.files, ...hashes } });
      }
      for (const { tmp, dest } of staged) {
        renameSync(tmp, dest);
        moved++;
        if (delay > 0) sleep(delay); // test seam: lets a test kill the run between two moves
      }
    } finally {
      // After a failure: what was staged but not moved, and, if nothing moved, the directories made for it.
      for (const { tmp } of staged.slice(moved)) rmSync(tmp, { force: true });
      if (moved === 0) for (const top of made.reverse()) rmSync(top, { recursive: true, force: true });
    }
    // 3. Remove what lockstep generated before and no longer does; then the manifest.
    for (const rel of report.removed) {
      rmSync(join(dir, rel), { force: true });
      pruneEmptyDirs(dir, dirname(join(dir, rel)));
    }
    for (const { dest, path } of staged) {
      const stat = statSync(dest, { throwIfNoEntry: false });
      if (stat) stats[path] = [stat.size, stat.mtimeMs];
    }
    const manifest: Manifest = { generator: "lockstep", ...(fingerprint ? { fingerprint } : {}), ...(inputs ? { inputs } : {}), files: hashes, stats: inOrder(files, stats) };
    if (JSON.stringify(manifests[i]) !== JSON.stringify(manifest) || report.written.length > 0 || report.removed.length > 0 || !existsSync(join(dir, MANIFEST))) {
      writeManifest(dir, manifest);
    }
  });
  return reports;
}

/** The stats in the order of the files (as the manifest always listed them). */
function inOrder(files: GeneratedFile[], stats: Record<string, [number, number]>): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const f of files) {
    const stat = stats[f.path];
    if (stat) out[f.path] = stat;
  }
  return out;
}

const STAGE_PREFIX = ".lockstep-tmp-";

/** The manifest, replaced in one rename. */
function writeManifest(dir: string, manifest: Manifest): void {
  const tmp = join(dir, `${STAGE_PREFIX}${process.pid}.manifest`); // staged files are "<prefix><pid>-<name>"
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, join(dir, MANIFEST));
}

/**
 * Staging left by a run that was killed (we hold the lock, so no live run owns them): in the
 * directory and in each one that holds, or held, an output file.
 */
function removeLeftovers(dir: string, paths: string[]): void {
  const dirs = new Set([dir, ...paths.map((p) => dirname(safePath(dir, p)))]);
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d)) if (name.startsWith(STAGE_PREFIX)) rmSync(join(d, name), { recursive: true, force: true });
  }
}

function pruneEmptyDirs(root: string, dir: string): void {
  while (dir.startsWith(root) && dir !== root && existsSync(dir) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}
