/**
 * The emit worker's entry (bundled as dist/emit-worker.cjs): receives the modules and its jobs
 * once, runs them in order, posts each job's files as soon as they are done, and ends. See
 * src/emit/pool.ts.
 */
import { parentPort } from "node:worker_threads";
import type { Module } from "../ir/types.js";
import { LockstepError } from "../errors.js";
import { runJob, type EmitJob } from "./jobs.js";

parentPort!.once("message", (message: { modules: Module[]; jobs: EmitJob[] }) => {
  for (let index = 0; index < message.jobs.length; index++) {
    try {
      parentPort!.postMessage({ index, files: runJob(message.modules, message.jobs[index]!) });
    } catch (err) {
      // The jobs after a failed one are not run: the main thread reports the first failure.
      const e = err instanceof Error ? err : new Error(String(err));
      const lockstep = err instanceof LockstepError ? { location: err.location, frame: err.frame } : undefined;
      parentPort!.postMessage({ index, error: { message: e.message, stack: e.stack, lockstep } });
      return;
    }
  }
});
