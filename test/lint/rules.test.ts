/**
 * Runs every rule's table (test/lint/rules/<id>.cases.ts), and checks that every registered rule
 * has a table with valid and invalid cases and a doc page with an example and a fix.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/lint/rules/index.js";
import { checkCase, type RuleCases } from "./rule-tester.js";

const tables = import.meta.glob<{ default: RuleCases }>("./rules/*.cases.ts", { eager: true });
const byId = new Map(Object.entries(tables).map(([path, mod]) => [path.replace(/^\.\/rules\//, "").replace(/\.cases\.ts$/, ""), mod.default]));

for (const rule of RULES) {
  const id = rule.meta.id;
  const table = byId.get(id);
  describe(id, () => {
    for (const c of table?.valid ?? []) it(`valid: ${c.name}`, () => checkCase(id, c, true));
    for (const c of table?.invalid ?? []) it(`invalid: ${c.name}`, () => checkCase(id, c, false));
  });
}

describe("rule registry", () => {
  it("every rule has a table with valid and invalid cases", () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !byId.get(id) || byId.get(id)!.valid.length === 0 || byId.get(id)!.invalid.length === 0);
    expect(missing).toEqual([]);
  });

  it("every table belongs to a registered rule", () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    expect([...byId.keys()].filter((k) => !ids.has(k))).toEqual([]);
  });

  it("every rule has a doc page docs/rules/<id>.md with an example and the fix", () => {
    for (const rule of RULES) {
      const path = new URL(`../../docs/rules/${rule.meta.id}.md`, import.meta.url);
      expect(existsSync(path), `docs/rules/${rule.meta.id}.md`).toBe(true);
      const text = readFileSync(path, "utf8");
      expect(text, rule.meta.id).toMatch(new RegExp(`^# ${rule.meta.id}\\n`));
      expect(text, `${rule.meta.id}: ## Example`).toMatch(/^## Example/m);
      expect(text, `${rule.meta.id}: ## Fix`).toMatch(/^## Fix/m);
      expect(text, `${rule.meta.id}: a JSON example`).toMatch(/```json/);
    }
  });

  it("ids are stable kebab-case, unique, with a one-line description", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(r.meta.description).toMatch(/^[A-Z].*\.$/);
      expect(r.meta.description).not.toMatch(/\n/);
    }
  });
});
