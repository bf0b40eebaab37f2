/**
 * src/ir/disambiguate.ts's Taken keeps names by fold and cases them only when another name folds
 * alike: it must answer exactly as one map from every target's casing to the owner added last.
 */
import { describe, expect, it } from "vitest";
import { castKeys, Taken, type Candidate } from "../src/ir/disambiguate.js";
import { TARGET_CASINGS } from "../src/ir/casing.js";
import { prng } from "../src/fixtures/values.js";
import type { Words } from "../src/ir/types.js";

/** The rule as one map: a key per target casing, the last name added owning it. */
class Reference {
  private readonly owners = new Map<string, Candidate>();
  clash(words: Words) {
    const keys = castKeys(words);
    for (let i = 0; i < keys.length; i++) {
      const owner = this.owners.get(keys[i]!);
      if (owner) return { owner, target: TARGET_CASINGS[i]!.target, cased: TARGET_CASINGS[i]!.convert(words) };
    }
    return undefined;
  }
  add(words: Words, owner: Candidate): void {
    for (const key of castKeys(words)) this.owners.set(key, owner);
  }
}

// Words that collide in some targets only (id/ID in Go, a_b in snake case), and words no
// splitting makes (capitals, underscores, non-ASCII) that every casing still has to tell apart.
const PARTS = ["a", "b", "ab", "id", "i", "d", "http", "2", "v2", "user", "A", "B", "a_b", "_", "é", "É", "ß", "ss", "SS", ""];

function randomWords(next: () => number): Words {
  return Array.from({ length: 1 + Math.floor(next() * 3) }, () => PARTS[Math.floor(next() * PARTS.length)]!);
}

describe("Taken", () => {
  it("answers as one map from every target's casing to the owner added last", () => {
    const next = prng(20261204);
    for (let scope = 0; scope < 400; scope++) {
      const taken = new Taken();
      const reference = new Reference();
      for (let step = 0; step < 30; step++) {
        const words = randomWords(next);
        expect(taken.clash(words), words.join("|")).toEqual(reference.clash(words));
        // Added whether or not it clashes, as reserved names are: the last one owns a shared key.
        if (next() < 0.6) {
          const owner: Candidate = { key: `${scope}/${step}`, words, text: words.join(""), at: { file: "f", pointer: `/${step}` } };
          taken.add(words, owner);
          reference.add(words, owner);
        }
      }
    }
  });

  it("tells names apart that meet only in Go's initialisms or in snake case", () => {
    const taken = new Taken();
    const owner: Candidate = { key: "k", words: ["user", "id"], text: "userId", at: { file: "f", pointer: "" } };
    taken.add(["user", "id"], owner);
    expect(taken.clash(["user", "i", "d"])).toMatchObject({ owner, target: "Go (PascalCase with initialisms)", cased: "UserID" });
    expect(taken.clash(["user_id"])).toMatchObject({ owner, target: "Rust fields (snake_case)", cased: "user_id" });
    expect(taken.clash(["userid"])).toBeUndefined();
  });
});
