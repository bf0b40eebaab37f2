/**
 * Upgrades in `lockstep test`: the test values the generated hooks answer (read from the newer
 * schema: its own examples/default/const first, else a value the schema accepts), and the
 * judgement of what each language's upgrade test wrote: valid under the newer schema (ajv).
 * That the three languages wrote the same JSON is crossCheck's (compare.ts), as for every check.
 */
import { join } from "node:path";
import { parse, stringify } from "lossless-json";
import { spellForWire } from "../fixtures/spell.js";
import { SchemaValues } from "../fixtures/from-schema.js";
import { toPlain } from "../fixtures/index.js";
import { makeOracle, type Oracle } from "../fixtures/oracle.js";
import type { Value } from "../fixtures/values.js";
import type { SourceRef } from "../ir/types.js";
import { hookKey, planUpgrades, type Step } from "../ir/upgrade.js";
import type { Loaded } from "../pipeline.js";
import type { Outcome, readEmitted } from "./compare.js";

/** The file each language's upgrade test writes in emit mode. */
export const UPGRADES_FILE = "upgrades.jsonl";

export interface UpgradeTesting {
  steps: Step[];
  oracle: Oracle;
  /** JSON text by hookKey; a hook without a value is missing (its test then fails, naming it). */
  hookValues: Record<string, string>;
}

export function prepareUpgrades(loaded: Loaded, seed: number): UpgradeTesting {
  const steps = planUpgrades(loaded.modules);
  const oracle = makeOracle(loaded.history);
  const accepts = (at: SourceRef, value: Value): boolean => {
    try {
      return oracle.acceptsAt(at.file, at.pointer, toPlain(value));
    } catch {
      return true;
    }
  };
  const history = loaded.history;
  const values = new SchemaValues((rel) => history.files.get(join(history.root, ...rel.split("/")))?.value, accepts, seed);
  const hookValues: Record<string, string> = {};
  const solve = (key: string, at: SourceRef): void => {
    const solved = values.solveAt(at);
    if (solved) hookValues[key] = stringify(solved.value) ?? "null";
  };
  for (const step of steps) {
    if (step.rootHook) solve(hookKey(step, step.rootHook.name), { file: step.newModule.entities.find((e) => e.entity === step.entity)!.file, pointer: "" });
    for (const h of step.hooks) solve(hookKey(step, h.name), h.field.source);
  }
  return { steps, oracle, hookValues };
}

/** Outcomes of one language's upgrade results: each must be valid under the newer version. */
export function judgeUpgrades(language: string, emitted: ReturnType<typeof readEmitted>, oracle: Oracle, steps: readonly Step[] = []): Outcome[] {
  // String-policy integers travel as strings; ajv checks them as the integers they are.
  const asValues = (entity: string, version: number, json: string): string => {
    const step = steps.find((s) => s.entity === entity && s.to === version);
    return step ? stringify(spellForWire(step.newModule, step.newRoot, parse(json) as Value, true).value) ?? json : json;
  };
  const outcomes: Outcome[] = [];
  for (const [key, result] of [...emitted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [check, entity, ...rest] = key.split("/");
    const to = /^upgrade-to-v(\d+)$/.exec(check ?? "");
    if (!to) continue;
    const base = { entity: entity!, language, check: check as Outcome["check"], fixture: [entity, ...rest].join("/") };
    if (result.error !== undefined) {
      outcomes.push({ ...base, ok: false, detail: result.error });
      continue;
    }
    let errors: string[];
    try {
      errors = oracle.validate(entity!, Number(to[1]), asValues(entity!, Number(to[1]), result.json!));
    } catch (err) {
      errors = [err instanceof Error ? err.message : String(err)];
    }
    outcomes.push(errors.length === 0 ? { ...base, ok: true } : { ...base, ok: false, detail: `not valid under ${entity} v${to[1]}: ${errors.slice(0, 3).join("; ")}` });
  }
  return outcomes;
}
