/**
 * The emit worker's entry (bundled as dist/emit-worker.cjs): receives the modules and its jobs
 * once, runs them, posts the files back, and ends. See src/emit/pool.ts.
 */
import { parentPort } from "node:worker_threads";
import type { Module } from "../ir/types.js";
import { LockstepError } from "../errors.js";
import { runJob, type EmitJob } from "./jobs.js";

parentPort!.once("message", (message: { modules: Module[]; jobs: EmitJob[] }) => {
  try {
    parentPort!.postMessage({ files: message.jobs.map((job) => runJob(message.modules, job)) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const lockstep = err instanceof LockstepError ? { location: err.location, frame: err.frame } : undefined;
    parentPort!.postMessage({ error: { message: e.message, stack: e.stack, lockstep } });
  }
});
