/**
 * Fingerprints and structural diffs of JSON text: lockstep's own reference for what the generated
 * canonical code of every language must produce (docs/migrations.md, "Fingerprints and diffs").
 *
 * The canonical form is RFC 8785 (JCS) with one deliberate change: an integer literal that fits a
 * 64-bit integer (−2^63 … 2^64 − 1) keeps its exact digits, where JCS would print the nearest
 * double (9007199254740993 → 9007199254740992, so two int64 records would share a fingerprint).
 * Up to 2^53 both spell every integer the same. Every other number is JCS's: the nearest double in
 * ECMAScript's Number-to-String form. The rule reads the literal, not the value, because each
 * language's decoder does: `2.0` is a double everywhere, `2` an integer everywhere.
 */
import { createHash } from "node:crypto";
import { canonicalize } from "./canonical.js";

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** A JSON number literal in the fingerprint's canonical spelling. */
export function fingerprintNumber(text: string): string {
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= INT64_MIN && n <= UINT64_MAX) return n.toString();
  }
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`number out of double range: ${text}`);
  return String(n); // String(-0) is "0", as RFC 8785 wants
}

/** The canonical JSON text a fingerprint hashes. Throws on invalid JSON. */
export function canonicalJson(text: string): string {
  return canonicalize(text, fingerprintNumber);
}

/** Hex SHA-256 of the canonical JSON (UTF-8). */
export function fingerprintJson(text: string): string {
  return createHash("sha256").update(canonicalJson(text), "utf8").digest("hex");
}

/** One difference: where (RFC 6901 pointer over wire names), and the canonical JSON on each side; absent when that side has no value there. */
export interface Change {
  pointer: string;
  old?: string;
  new?: string;
}

/** A parsed node of canonical text: its slice, and its members or items. */
interface Node {
  text: string;
  members?: Array<[string, Node]>;
  items?: Node[];
}

/** Parses canonical JSON text (compact, keys sorted, well-formed). */
function parseCanonical(text: string): Node {
  let pos = 0;
  const value = (): Node => {
    const start = pos;
    const c = text[pos];
    if (c === "{" || c === "[") {
      pos++;
      const members: Array<[string, Node]> = [];
      const items: Node[] = [];
      while (text[pos] !== (c === "{" ? "}" : "]")) {
        if (text[pos] === ",") pos++;
        if (c === "{") {
          const key = value().text;
          pos++; // ':'
          members.push([JSON.parse(key) as string, value()]);
        } else items.push(value());
      }
      pos++;
      return c === "{" ? { text: text.slice(start, pos), members } : { text: text.slice(start, pos), items };
    }
    if (c === '"') {
      for (pos++; text[pos] !== '"'; pos++) if (text[pos] === "\\") pos++;
      pos++;
    } else while (pos < text.length && !",:]}".includes(text[pos]!)) pos++;
    return { text: text.slice(start, pos) };
  };
  return value();
}

const escapePointer = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

function diffNodes(a: Node, b: Node, at: string, out: Change[]): void {
  if (a.text === b.text) return;
  if (a.members && b.members) {
    const am = a.members;
    const bm = b.members;
    let i = 0;
    let j = 0;
    while (i < am.length || j < bm.length) {
      const ak = am[i]?.[0];
      const bk = bm[j]?.[0];
      if (bk === undefined || (ak !== undefined && ak < bk)) out.push({ pointer: `${at}/${escapePointer(ak!)}`, old: am[i++]![1].text });
      else if (ak === undefined || bk < ak) out.push({ pointer: `${at}/${escapePointer(bk)}`, new: bm[j++]![1].text });
      else diffNodes(am[i++]![1], bm[j++]![1], `${at}/${escapePointer(ak)}`, out);
    }
    return;
  }
  if (a.items && b.items) {
    const n = Math.max(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const x = a.items[i];
      const y = b.items[i];
      if (x && y) diffNodes(x, y, `${at}/${i}`, out);
      else if (x) out.push({ pointer: `${at}/${i}`, old: x.text });
      else out.push({ pointer: `${at}/${i}`, new: y!.text });
    }
    return;
  }
  out.push({ pointer: at, old: a.text, new: b.text });
}

/**
 * Where two JSON texts differ: depth first, object members in UTF-16 order of their names (the
 * union of both sides), array items by index. Equal values give no change; a value on one side
 * only gives a change with only `old` or only `new`; values of different kinds, or different
 * scalars, give one change with both. Numbers compare by their canonical spelling (2.0 = 2).
 */
export function diffJson(a: string, b: string): Change[] {
  const out: Change[] = [];
  diffNodes(parseCanonical(canonicalJson(a)), parseCanonical(canonicalJson(b)), "", out);
  return out;
}

/** The canonical JSON text of a list of changes, as every language's harness writes it. */
export function changesJson(changes: readonly Change[]): string {
  const one = (c: Change): string =>
    `{${c.new === undefined ? "" : `"new":${c.new},`}${c.old === undefined ? "" : `"old":${c.old},`}"pointer":${JSON.stringify(c.pointer)}}`;
  return `[${changes.map(one).join(",")}]`;
}
