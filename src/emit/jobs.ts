/**
 * One target's emitter and its options as plain data: what `generate` runs in process, or hands
 * with the modules to a worker thread (src/emit/pool.ts) on a large project.
 */
import type { Module } from "../ir/types.js";
import { emitGo } from "./go/index.js";
import { emitRust } from "./rust/index.js";
import type { GeneratedFile, GoOptions, RustOptions, TypeScriptOptions } from "./types.js";
import { emitTypeScript, emitTypeScriptValidators } from "./typescript/index.js";

export type EmitJob =
  | { target: "typescript"; options: TypeScriptOptions }
  | { target: "rust"; options: RustOptions }
  | { target: "go"; options: GoOptions }
  /** TypeScript's validators alone, run apart and then given to the "typescript" job. */
  | { target: "typescript-validators"; options: TypeScriptOptions };

/** Runs a job; `given` are the files of a part run apart (the "typescript" job's validators). */
export function runJob(modules: readonly Module[], job: EmitJob, given?: GeneratedFile[]): GeneratedFile[] {
  switch (job.target) {
    case "typescript":
      return emitTypeScript(modules, job.options, given);
    case "typescript-validators":
      return emitTypeScriptValidators(modules, job.options);
    case "rust":
      return emitRust(modules, job.options);
    case "go":
      return emitGo(modules, job.options);
  }
}

/**
 * The jobs of the main thread and of the worker, each in the order to run them. The worker takes
 * the last target; with three, also TypeScript's validators (first, so that they are done when the
 * main thread, having emitted the other target, emits the rest of TypeScript): the three
 * emitters cost about the same, and copying the modules to the worker costs about half of one.
 */
export function shareJobs(jobs: EmitJob[]): { local: EmitJob[]; remote: EmitJob[] } {
  const remote = jobs.slice(-1);
  const local = jobs.slice(0, -1);
  const ts = local.find((j) => j.target === "typescript");
  if (!ts || local.length < 2) return { local, remote };
  return { local: [...local.filter((j) => j !== ts), ts], remote: [{ target: "typescript-validators", options: ts.options }, ...remote] };
}
