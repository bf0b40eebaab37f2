/**
 * Emitting on a worker thread, for large projects: started before the schemas are loaded (its
 * start-up and code loading overlap the load), it receives the modules (a structured clone) and
 * runs its share of the targets while the main thread runs the rest. A worker's young generation
 * can be set larger (resourceLimits), which spares most of the emitters' scavenges; the main
 * thread's cannot. The files are the same whichever thread emits them: emitters are pure.
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
  /** Runs `jobs` on the worker: their files, in the order of `jobs`. Once per worker. */
  run(modules: readonly Module[], jobs: EmitJob[]): Promise<GeneratedFile[][]>;
  /** Stops the worker (after `run`, or when the run failed before it). */
  close(): void;
}

type Reply = { files: GeneratedFile[][] } | { error: { message: string; stack?: string; lockstep?: { location?: Location; frame?: string } } };

/**
 * A worker, or undefined where there is no bundled worker entry (running from src/ under vitest).
 * `entry` is the bundle beside the running code unless given.
 */
export function startEmitWorker(entry = join(codeDir(), "emit-worker.cjs")): EmitWorker | undefined {
  if (!existsSync(entry)) return undefined;
  const worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, stdout: false, stderr: false });
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`lockstep: the emit worker exited (${code}) before it answered`)));
  });
  // Settled here too, so that a run failing before `run` leaves no unhandled rejection.
  reply.catch(() => undefined);
  return {
    async run(modules, jobs) {
      // What emitters read: the names record and the warnings (a third of the copy) stay here.
      worker.postMessage({ modules: modules.map(({ names: _names, warnings: _warnings, ...rest }) => ({ ...rest, warnings: [] })), jobs });
      const answer = await reply;
      if ("files" in answer) return answer.files;
      const { message, stack, lockstep } = answer.error;
      const err = lockstep ? new LockstepError(message, lockstep.location, lockstep.frame) : new Error(message);
      if (stack) err.stack = stack;
      throw err;
    },
    close() {
      void worker.terminate();
    },
  };
}
