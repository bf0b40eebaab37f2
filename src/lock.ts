/**
 * One writer at a time per output directory. Two `lockstep generate` runs in one project (an
 * editor's watch and a pre-commit hook) would otherwise interleave their writes. The lock is a file,
 * `<out>/.lockstep.lock`, created exclusively (O_EXCL) and holding the owner's pid and start time.
 * A live owner is waited for briefly (LOCKSTEP_LOCK_WAIT_MS, default 10 s), then the run stops with
 * exit 2; a lock left by a process that no longer exists (killed, crashed) is taken over with a note.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { LockstepError } from "./errors.js";

export const LOCK_FILE = ".lockstep.lock";

interface Owner {
  pid: number;
  /** The owner's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  start?: string;
  host: string;
  since: string;
}

/** Field 22 of /proc/<pid>/stat: when the process started; undefined off Linux or if it is gone. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function alive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true; // cannot tell: never steal another machine's lock
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const start = startTime(owner.pid);
  return owner.start === undefined || start === undefined || start === owner.start;
}

/** An unreadable lock older than this was left by a run killed while creating it. */
const UNREADABLE_STALE_MS = 5_000;

function readOwner(path: string): { text: string; owner: Owner | undefined; stale: boolean } | undefined {
  let text: string;
  let age: number;
  try {
    text = readFileSync(path, "utf8");
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined; // released meanwhile
  }
  let owner: Owner | undefined;
  try {
    const parsed = JSON.parse(text) as Owner;
    if (typeof parsed.pid === "number") owner = parsed;
  } catch {
    // unreadable: judged by age
  }
  return { text, owner, stale: owner ? !alive(owner) : age > UNREADABLE_STALE_MS };
}

/** Blocks the thread: the writer is synchronous, and nothing else runs while it waits. */
export const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  const owner: Owner = { pid: process.pid, ...(startTime(process.pid) ? { start: startTime(process.pid)! } : {}), host: hostname(), since: new Date().toISOString() };
  writeSync(fd, `${JSON.stringify(owner)}\n`);
  closeSync(fd);
  return true;
}

/**
 * Moves a stale lock aside, unless someone replaced it meanwhile (then it is put back). Returns
 * whether the stale lock is gone.
 */
function takeOver(path: string, staleText: string): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return true; // already gone
  }
  const moved = readFileSync(aside, "utf8");
  if (moved !== staleText) {
    // A live owner's lock: put it back (link fails if yet another run holds the name now).
    try {
      linkSync(aside, path);
    } catch {
      // the newer lock stays
    }
    unlinkSync(aside);
    return false;
  }
  unlinkSync(aside);
  return true;
}

export interface Lock {
  release(): void;
}

/** Locks every directory (in a fixed order, so two runs cannot deadlock); notes go to `note`. */
export function lockDirs(dirs: string[], display: (dir: string) => string, note: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Lock {
  const held: string[] = [];
  /** Directories created only to hold a lock: removed again if the run wrote nothing there. */
  const created: Array<{ dir: string; top: string }> = [];
  const release = (): void => {
    for (const path of held.splice(0).reverse()) {
      try {
        unlinkSync(path);
      } catch {
        // already removed: nothing to release
      }
    }
    for (const { dir, top } of created.splice(0).reverse()) {
      for (let d = dir; d.startsWith(top); d = dirname(d)) {
        try {
          rmdirSync(d);
        } catch {
          break; // not empty: the run wrote there
        }
      }
    }
  };
  const waitMs = Number(process.env.LOCKSTEP_LOCK_WAIT_MS ?? 10_000);
  try {
    for (const dir of [...new Set(dirs)].sort()) {
      const top = mkdirSync(dir, { recursive: true });
      if (top !== undefined) created.push({ dir, top });
      const path = join(dir, LOCK_FILE);
      const deadline = Date.now() + waitMs;
      for (let delay = 25; !tryCreate(path); delay = Math.min(delay * 2, 500)) {
        const found = readOwner(path);
        if (!found) continue;
        const { text, owner, stale } = found;
        if (stale) {
          const whose = owner ? `process ${owner.pid} (no longer running)` : "a run killed while taking it";
          if (takeOver(path, text)) note(`lockstep: note: took over the lock of ${whose} in ${display(dir)}`);
          continue;
        }
        if (Date.now() >= deadline) {
          const who = owner ? `process ${owner.pid} (since ${owner.since})` : "another process";
          throw new LockstepError(
            `another lockstep run is writing here: ${who} holds ${LOCK_FILE}; wait for it to finish and run again (if no lockstep is running, delete the lock file)`,
            { file: display(path) },
          );
        }
        sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
      }
      held.push(path);
    }
  } catch (err) {
    release();
    throw err;
  }
  return { release };
}
