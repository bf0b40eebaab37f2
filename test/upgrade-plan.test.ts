/**
 * Upgrade plans (src/ir/upgrade.ts) over test/cases/upgrades: what is derived (defaults, renames,
 * nested and union rewrites, closed objects) and what becomes a hook, with its reason.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DeclFunction, Step } from "../src/ir/upgrade.js";
import { planUpgrades, upgradeRuns } from "../src/ir/upgrade.js";
import { loadModules } from "../src/pipeline.js";

const ROOT = join(import.meta.dirname, "..");

async function steps(dir: string): Promise<Step[]> {
  const { modules } = await loadModules(join(ROOT, dir), { allVersions: true, cwd: ROOT });
  return planUpgrades(modules);
}

const objectOf = (step: Step, name: string): Extract<DeclFunction, { kind: "object" }> => {
  const decl = step.newModule.decls.find((d) => d.name.join("_") === name)!;
  return step.functions.find((f): f is Extract<DeclFunction, { kind: "object" }> => f.kind === "object" && f.newDecl === decl.id)!;
};

describe("upgrade plans", () => {
  it("asks for the whole value when the root changed beyond a rewrite, and for a nullable or map value as the field's type", async () => {
    const all = await steps("test/cases/upgrades/schemas");
    const code = all.find((s) => s.entity === "code")!;
    expect(code.rootHook?.name).toEqual(["code"]);
    expect(code.functions).toEqual([]);
    const reading = all.find((s) => s.entity === "reading")!;
    expect(reading.hooks.map((h) => [h.name.join("_"), h.field.type.kind])).toEqual([["reading_value", "nullable"], ["reading_labels", "map"]]);
  });

  it("derives defaults, renames and nested rewrites, and names a hook for each change it cannot derive", async () => {
    const [v1ToV2, v2ToV3] = (await steps("test/cases/upgrades/schemas")).filter((s) => s.entity === "person");
    expect(v1ToV2!.hooks.map((h) => [h.name.join("_"), h.reason])).toEqual([
      ["person_first_name", 'new required property "first_name" has no default'],
      ["person_last_name", 'new required property "last_name" has no default'],
      ["person_age", 'the type of "age" changed'],
      ["pet_species", 'new required property "species" has no default'],
    ]);
    const person = objectOf(v1ToV2!, "person");
    const byWire = new Map(person.steps.map((s) => [s.wire, s]));
    expect(byWire.get("email")?.from).toBe("mail");
    expect(byWire.get("score")?.fillDefault).toBe("9007199254740993");
    expect(byWire.get("age")?.hookWhenPresent?.name).toEqual(["person", "age"]);
    expect(byWire.get("pets")?.value).toMatchObject({ kind: "array", items: { kind: "call" } });
    expect(byWire.get("homes")?.value).toMatchObject({ kind: "map", values: { kind: "call" } });
    expect(byWire.get("work")?.value).toMatchObject({ kind: "nullable", inner: { kind: "call" } });
    expect(byWire.get("contact")?.value).toMatchObject({ kind: "call" });
    expect(byWire.has("role")).toBe(false); // an enum that gained a value carries over as is
    expect(objectOf(v1ToV2!, "person_badge").keep).toEqual(["text"]);
    const union = v1ToV2!.functions.find((f) => f.kind === "tagged-union");
    expect(union).toMatchObject({ tag: "kind" });
    expect((union as Extract<DeclFunction, { kind: "tagged-union" }>).variants.map((v) => v.tagValue).sort()).toEqual(["phone", "post"]);
    // v3 only adds an optional property: nothing to do, no hook.
    expect(v2ToV3!.hooks).toEqual([]);
    expect(v2ToV3!.root).toBeUndefined();
    expect(upgradeRuns([v1ToV2!, v2ToV3!]).map((r) => `${r.from}->${r.to}`)).toEqual(["1->2", "2->3", "1->3"]);
  });

  it("marks a variant's function with its union's tag, which the hooks' older value is decoded without", async () => {
    const signal = (await steps("test/cases/upgrades/schemas")).find((s) => s.entity === "signal")!;
    expect(signal.hooks.map((h) => h.field.wireName)).toEqual(["trait"]);
    const variant = signal.functions.find((f): f is Extract<DeclFunction, { kind: "object" }> => f.kind === "object")!;
    expect(variant.variantTag).toBe("@type");
    expect(objectOf((await steps("test/cases/upgrades/schemas")).find((s) => s.entity === "person")!, "person").variantTag).toBeUndefined();
  });

  it("fills the bundled user's new required login_count from its default, without hooks", async () => {
    const user = (await steps("schemas")).filter((s) => s.entity === "user");
    expect(user.map((s) => s.hooks.length)).toEqual([0, 0]);
    expect(objectOf(user[1]!, "user").steps).toEqual([{ wire: "login_count", fillDefault: "0" }]);
  });
});
