/**
 * The disambiguation rule for names that collide after some target's case conversion. It works
 * on a whole scope at once (an object's properties, an enum's values, a module's types), so the
 * outcome depends on the set of names, never on the order they were met:
 *
 * 1. names kept from the previous version (`keep`) and pinned names come first;
 * 2. within a group of colliding names the plain name goes to the best candidate: lowest `rank`,
 *    then the spelling with the fewest punctuation marks, then the spelling closest to the
 *    scope's own casing (`Exception` before `exception` for types, `self` before `Self` for
 *    properties), then code-unit order;
 * 3. every other member of the group gets the first free of: its punctuation spelled out
 *    (`a.b` → `a_dot_b`), a word for its letter case (`any` → `any_lower`), both, then `_2`, `_3`.
 */
import { append } from "../arrays.js";
import { TARGET_CASINGS, splitWords } from "./casing.js";
import type { SourceRef, Words } from "./types.js";

export interface Candidate {
  /** Identity within the scope (wire name, enum value, schema place). */
  key: string;
  /** The name the candidate would get on its own. */
  words: Words;
  /** Its spelling in the schema (wire name, enum value, `$defs` key), for the tie-break and the suffix. */
  text: string;
  at: SourceRef;
  /** Lower wins a collision; default 1. */
  rank?: number;
  /** A name that must be used as is (kept from the previous version). */
  keep?: Words;
  /** Word(s) to append when the spelling cannot tell it apart (default: a word for its letter case). */
  suffix?: Words;
}

export interface Collision {
  /** The candidate that did not get its plain name, and the one that did. */
  renamed: Candidate;
  owner: Candidate;
  name: Words;
  cased: string;
  target: string;
}

export interface Resolution {
  names: Map<string, Words>;
  collisions: Collision[];
}

/** Which spelling wins a tie: PascalCase scopes prefer a capital first, camel/snake scopes lower case. */
export type CasePreference = "upper" | "lower";

const PUNCTUATION: Record<string, string> = {
  " ": "space", ".": "dot", "-": "dash", _: "underscore", "/": "slash", "\\": "backslash", "+": "plus", ":": "colon",
  "@": "at", "#": "hash", $: "dollar", "%": "percent", "&": "and", "*": "star", "~": "tilde", ",": "comma",
  "!": "bang", "?": "question", "=": "equals", "(": "open", ")": "close", "[": "open", "]": "close",
  "{": "open", "}": "close", "<": "lt", ">": "gt", "'": "quote", '"': "quote", "|": "pipe", ";": "semicolon",
  "^": "caret", "`": "backtick",
};

/** Words for `text` with every punctuation mark spelled as a word: "Etc/GMT-0" → [etc, slash, gmt, dash, 0]. */
export function spelledWords(text: string): string[] {
  const out: string[] = [];
  let run = "";
  const flush = (): void => {
    append(out, splitWords(run));
    run = "";
  };
  for (const ch of text) {
    if (/[A-Za-z0-9]/.test(ch) || ch.codePointAt(0)! >= 128) {
      run += ch;
      continue;
    }
    flush();
    out.push(PUNCTUATION[ch] ?? `x${ch.codePointAt(0)!.toString(16)}`);
  }
  flush();
  return out;
}

function punctuationCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) n++;
  }
  return n;
}

/** A word for a spelling's letter case, told apart from the same letters in another case. */
function caseWord(text: string): string {
  if (text === text.toLowerCase()) return "lower";
  if (text === text.toUpperCase()) return "upper";
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.charAt(0) === letters.charAt(0).toUpperCase() && letters.slice(1) === letters.slice(1).toLowerCase() ? "capital" : "mixed";
}

/** ASCII letters in the other case (a plain loop: this runs for every name of every scope). */
function swapCase(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? String.fromCharCode(c ^ 32) : s[i];
  }
  return out;
}

/** Sorts candidates best first; the keys are computed once per candidate. */
function sortCandidates(candidates: Candidate[], prefer: CasePreference): Candidate[] {
  const keyed = candidates.map((c) => ({
    c, keep: c.keep ? 0 : 1, rank: c.rank ?? 1, punct: punctuationCount(c.text), text: prefer === "upper" ? c.text : swapCase(c.text),
  }));
  keyed.sort((a, b) => a.keep - b.keep || a.rank - b.rank || a.punct - b.punct || cmp(a.text, b.text) || cmp(a.c.key, b.c.key));
  return keyed.map((k) => k.c);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A name under every target's casing, as Taken keys it; memoized, since scopes ask for the same names over and over. */
const castings = new Map<string, string[]>();
export function castKeys(words: Words): string[] {
  const id = words.join("\u0001");
  let keys = castings.get(id);
  if (keys === undefined) {
    if (castings.size > 200_000) castings.clear();
    keys = TARGET_CASINGS.map(({ target, convert }) => `${target}\u0000${convert(words)}`);
    castings.set(id, keys);
  }
  return keys;
}

/**
 * What every target's casing of a name folds to: lower-case ASCII words joined. Each casing only
 * capitalizes letters and adds underscores, so names that collide in some target fold alike; a
 * name of other characters folds to undefined (checked against every name).
 */
function fold(words: Words): string | undefined {
  const joined = words.join("");
  return /^[a-z0-9]*$/.test(joined) ? joined : undefined;
}

const OTHER = "\u0000other";

interface TakenName {
  words: Words;
  owner: Candidate;
  order: number;
  keys?: string[];
}

/**
 * Names already taken in a scope, under every target's casing. Kept by fold, so that a name whose
 * fold no other has (most of them) is told free without casing it for every target.
 */
export class Taken {
  private readonly byFold = new Map<string, TakenName[]>();
  private added = 0;

  /** The owner of a name that collides with `words` in some target, with that target. */
  clash(words: Words): { owner: Candidate; target: string; cased: string } | undefined {
    const f = fold(words);
    const same = f === undefined ? undefined : this.byFold.get(f);
    const other = this.byFold.get(OTHER);
    if (f !== undefined && same === undefined && other === undefined) return undefined;
    const near = f === undefined ? [...this.byFold.values()].flat() : [...(same ?? []), ...(other ?? [])];
    const keys = castKeys(words);
    for (let i = 0; i < keys.length; i++) {
      // The name added last wins a key, as in one map from key to owner.
      let owner: TakenName | undefined;
      for (const t of near) if ((t.keys ??= castKeys(t.words))[i] === keys[i] && (!owner || t.order > owner.order)) owner = t;
      if (owner) return { owner: owner.owner, target: TARGET_CASINGS[i]!.target, cased: TARGET_CASINGS[i]!.convert(words) };
    }
    return undefined;
  }

  add(words: Words, owner: Candidate): void {
    const f = fold(words) ?? OTHER;
    const list = this.byFold.get(f);
    const entry = { words, owner, order: this.added++ };
    if (list) list.push(entry);
    else this.byFold.set(f, [entry]);
  }
}

/** Further names to try, in order, for a candidate that lost its plain name. */
export function alternatives(c: Candidate): Words[] {
  const out: Words[] = [];
  const push = (w: Words): void => {
    if (w.join("_") !== c.words.join("_") && !out.some((o) => o.join("_") === w.join("_"))) out.push(w);
  };
  // Words the name has before those its spelling gives (an entity name, `value` before a digit).
  const plain = splitWords(c.text);
  const tail = c.words.slice(c.words.length - plain.length).join("_");
  const lead = plain.length <= c.words.length && tail === plain.join("_") ? c.words.slice(0, c.words.length - plain.length) : undefined;
  const spelled = lead && [...lead, ...spelledWords(c.text)];
  const suffix = c.suffix ?? [caseWord(c.text)];
  if (spelled) push(spelled);
  push([...c.words, ...suffix]);
  if (spelled) push([...spelled, ...suffix]);
  return out;
}

/** Assigns every candidate a name no other candidate's collides with in any target. */
export function resolveNames(candidates: Candidate[], prefer: CasePreference, reserved: Array<{ words: Words; candidate: Candidate }> = []): Resolution {
  const taken = new Taken();
  for (const r of reserved) taken.add(r.words, r.candidate);
  const names = new Map<string, Words>();
  const collisions: Collision[] = [];
  const sorted = sortCandidates(dedupe(candidates), prefer);
  const losers: Array<{ c: Candidate; owner: Candidate; target: string; cased: string }> = [];
  for (const c of sorted) {
    const words = c.keep ?? c.words;
    const clash = taken.clash(words);
    if (clash) {
      losers.push({ c, ...clash });
      continue;
    }
    taken.add(words, c);
    names.set(c.key, words);
  }
  for (const { c, owner, target, cased } of losers) {
    const name = freeName(c, taken);
    taken.add(name, c);
    names.set(c.key, name);
    collisions.push({ renamed: c, owner, name, target, cased });
  }
  return { names, collisions };
}

/** The first alternative name of `c` that is free, else its name with a number. */
export function freeName(c: Candidate, taken: Taken): Words {
  for (const alt of alternatives(c)) if (!taken.clash(alt)) return alt;
  for (let n = 2; ; n++) if (!taken.clash([...c.words, String(n)])) return [...c.words, String(n)];
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) if (!seen.has(c.key)) seen.set(c.key, c);
  return [...seen.values()];
}
