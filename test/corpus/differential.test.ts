/**
 * Corpus-wide differential run (`npm run corpus`): every schema of the JSON-Schema-Test-Suite
 * (draft2020-12 and draft7, top-level files) with its `valid: true` instances that ajv accepts →
 * decode and re-encode byte-equal in TypeScript, Rust and Go. test/differential.test.ts runs a
 * fixed sample of it in `npm test`. Prints every skip and refusal (with its reason) and every loss.
 * LOCKSTEP_DIFF_FILTER=<text> checks only the schemas whose origin contains it;
 * LOCKSTEP_DIFF_LANGUAGES=typescript,go chooses languages.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/testing/languages.js";
import { checkCases, describeRefusals, describeReport, knownFailure, suiteCases } from "../support/differential.js";
import { hasTool } from "../support/toolchains.js";

const REPO = join(import.meta.dirname, "..", "..");
const SUITE = join(REPO, "..", "shared", "corpus", "json-schema-test-suite");
const present = existsSync(SUITE);
if (!present) console.warn(`[lockstep tests] ${SUITE} not found: skipping the differential corpus run`);

const wanted = (process.env.LOCKSTEP_DIFF_LANGUAGES ?? "typescript,rust,go").split(",") as Language[];
const languages = wanted.filter((l) => l === "typescript" || (l === "rust" ? hasTool("cargo") : hasTool("go")));

describe.skipIf(!present)("differential: the JSON-Schema-Test-Suite's valid instances round-trip", () => {
  it(`in ${languages.join(", ")}`, async () => {
    const { cases: all, skipped } = suiteCases(SUITE, ["draft2020-12", "draft7"]);
    const filtered = process.env.LOCKSTEP_DIFF_FILTER ? all.filter((c) => c.origin.includes(process.env.LOCKSTEP_DIFF_FILTER!)) : all;
    const cases = filtered.filter((c) => !knownFailure(c.origin));
    for (const c of filtered) if (knownFailure(c.origin)) skipped.push({ origin: c.origin, reason: `known failure: ${knownFailure(c.origin)}` });
    const report = await checkCases(cases, { dir: join(REPO, ".cache", "differential", "corpus"), languages });
    console.log(skipped.map((s) => `SKIPPED ${s.origin}: ${s.reason}`).join("\n"));
    console.log(describeRefusals(report));
    console.log(describeReport(report, 1000));
    expect(report.crashed).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(report.losses).toEqual([]);
  }, 1_800_000);
});
