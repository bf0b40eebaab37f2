/**
 * Upgrades in `lockstep test`: the test values the generated hooks answer (read from the newer
 * schema: its own examples/default/const first, else a value the schema accepts), and the
 * judgement of what each language's upgrade test wrote: valid under the newer schema (ajv).
 * That the three languages wrote the same JSON is crossCheck's (compare.ts), as for every check.
 */
import { join } from "node:path";
import { parse, stringify } from "lossless-json";
import type { LockstepError } from "../errors.js";
import { errorAt } from "../load/json-file.js";
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
  /** JSON text by hookKey; the harnesses leave out the upgrade runs through a hook without one. */
  hookValues: Record<string, string>;
  /** A hook without a value, at its field's schema: the entity's upgrades are not tested fully. */
  findings: LockstepError[];
}

/** `oracle`: one made from loaded.history, to share its compiled schemas. */
export function prepareUpgrades(loaded: Loaded, seed: number, oracle: Oracle = makeOracle(loaded.history)): UpgradeTesting {
  const steps = planUpgrades(loaded.modules);
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
  const findings: LockstepError[] = [];
  const solve = (step: Step, key: string, at: SourceRef): void => {
    const solved = values.solveAt(at);
    if (solved) hookValues[key] = stringify(solved.value) ?? "null";
    else {
      const where = values.written(at);
      const file = history.files.get(join(history.root, ...where.file.split("/")))!;
      const message = `the upgrade of ${step.entity} v${step.from} to v${step.to} (alone and in every chain) is not tested: no test value for its hook ${key}, lockstep found no value this schema accepts; add "examples" here`;
      findings.push(errorAt(file, where.pointer, message));
    }
  };
  for (const step of steps) {
    if (step.rootHook) solve(step, hookKey(step, step.rootHook.name), { file: step.newModule.entities.find((e) => e.entity === step.entity)!.file, pointer: "" });
    for (const h of step.hooks) solve(step, hookKey(step, h.name), h.field.source);
  }
  return { steps, oracle, hookValues, findings };
}

/** ajv's errors for what an upgrade to `version` wrote (JSON text); empty when it is valid under that version. */
export type UpgradeValidate = (entity: string, version: number, json: string) => string[];

export function upgradeValidator(oracle: Oracle, steps: readonly Step[] = []): UpgradeValidate {
  // String-policy integers travel as strings; ajv checks them as the integers they are.
  const asValues = (entity: string, version: number, json: string): string => {
    const step = steps.find((s) => s.entity === entity && s.to === version);
    return step ? stringify(spellForWire(step.newModule, step.newRoot, parse(json) as Value, true).value) ?? json : json;
  };
  return (entity, version, json) => {
    try {
      return oracle.validate(entity, version, asValues(entity, version, json));
    } catch (err) {
      return [err instanceof Error ? err.message : String(err)];
    }
  };
}

/** The upgrade outputs a language wrote, as [key, entity, version, result]. */
function upgradeResults(emitted: ReturnType<typeof readEmitted>): Array<[string, string, number, { json?: string; error?: string }]> {
  const out: Array<[string, string, number, { json?: string; error?: string }]> = [];
  for (const [key, result] of [...emitted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [check, entity] = key.split("/");
    const to = /^upgrade-to-v(\d+)$/.exec(check ?? "");
    if (to) out.push([key, entity!, Number(to[1]), result]);
  }
  return out;
}

/** The (entity, version, JSON) an upgrade output needs judged: those without an error. */
export function upgradeOutputs(emitted: ReturnType<typeof readEmitted>): Array<{ entity: string; version: number; json: string }> {
  return upgradeResults(emitted).flatMap(([, entity, version, r]) => (r.error === undefined ? [{ entity, version, json: r.json! }] : []));
}

/** Outcomes of one language's upgrade results: each must be valid under the newer version. */
export function judgeUpgrades(language: string, emitted: ReturnType<typeof readEmitted>, validate: UpgradeValidate): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const [key, entity, version, result] of upgradeResults(emitted)) {
    const check = key.slice(0, key.indexOf("/"));
    const base = { entity, language, check: check as Outcome["check"], fixture: key.slice(check.length + 1) };
    if (result.error !== undefined) {
      outcomes.push({ ...base, ok: false, detail: result.error });
      continue;
    }
    const errors = validate(entity, version, result.json!);
    outcomes.push(errors.length === 0 ? { ...base, ok: true } : { ...base, ok: false, detail: `not valid under ${entity} v${version}: ${errors.slice(0, 3).join("; ")}` });
  }
  return outcomes;
}
