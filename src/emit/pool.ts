/**
 * Emitting on a worker thread, for large projects: started before the schemas are loaded (its
 * start-up and code loading overlap the load), it receives the modules (a structured clone) and
 * runs its share of the jobs (src/emit/jobs.ts) while the main thread runs the rest. A worker's
 * young generation can be set larger (resourceLimits), which spares most of the emitters'
 * scavenges; the main thread's cannot. The files are the same whichever thread emits them:
 * emitters are pure.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { LockstepError, type Location } from "../errors.js";
import type { Module } from "../ir/types.js";
import { codeDir } from "../paths.js";
import type { EmitJob } from "./jobs.js";
import type { GeneratedFile } from "./types.js";

/** Young generation of the worker (MB): fewer, cheaper scavenges of the emitters' short-lived strings. */
const YOUNG_GENERATION_MB = 96;

export interface EmitWorker {
  /** Runs `jobs` on the worker, in order: each job's files, as soon as they are done. Once per worker. */
  run(modules: readonly Module[], jobs: EmitJob[]): Array<Promise<GeneratedFile[]>>;
  /** Stops the worker (after `run`, or when the run failed before it). */
  close(): void;
}

type Failure = { message: string; stack?: string; lockstep?: { location?: Location; frame?: string } };
type Reply = { index: number; files: GeneratedFile[] } | { index: number; error: Failure };

/**
 * A worker, or undefined where there is no bundled worker entry (running from src/ under vitest).
 * `entry` is the bundle beside the running code unless given.
 */
export function startEmitWorker(entry = join(codeDir(), "emit-worker.cjs")): EmitWorker | undefined {
  if (!existsSync(entry)) return undefined;
  const worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, stdout: false, stderr: false });
  let settle: Array<{ resolve(files: GeneratedFile[]): void; reject(err: Error): void } | undefined> = [];
  let failed: Error | undefined;
  const fail = (err: Error): void => {
    failed ??= err;
    for (const s of settle) s?.reject(failed);
    settle = [];
  };
  worker.on("message", (reply: Reply) => {
    if ("files" in reply) {
      settle[reply.index]?.resolve(reply.files);
      settle[reply.index] = undefined;
    } else fail(rebuild(reply.error));
  });
  worker.once("error", fail);
  worker.once("exit", (code) => fail(new Error(`lockstep: the emit worker exited (${code}) before it answered`)));
  return {
    run(modules, jobs) {
      const results = jobs.map(() => {
        let s!: NonNullable<(typeof settle)[number]>;
        const promise = new Promise<GeneratedFile[]>((resolve, reject) => (s = { resolve, reject }));
        // Settled here too: a job after a failed one is never awaited.
        promise.catch(() => undefined);
        settle.push(s);
        return promise;
      });
      if (failed) fail(failed);
      // What emitters read: the names record and the warnings (a third of the copy) stay here.
      else worker.postMessage({ modules: modules.map(({ names: _names, warnings: _warnings, ...rest }) => ({ ...rest, warnings: [] })), jobs });
      return results;
    },
    close() {
      void worker.terminate();
    },
  };
}

/** The worker's error as the main thread's: a LockstepError stays one (exit 2, not 70). */
function rebuild({ message, stack, lockstep }: Failure): Error {
  const err = lockstep ? new LockstepError(message, lockstep.location, lockstep.frame) : new Error(message);
  if (stack) err.stack = stack;
  return err;
}
