/**
 * Where many JSON pointers of one file are written, in one pass over its text and without the
 * position tree (src/load/json-file.ts builds one node per value: for warnings over a large
 * project that is every file's tree at once). The answer is locate()'s: the start of the member
 * (its key) holding the pointer's value, the value itself for an array item or the root, or the
 * same for the deepest ancestor that exists. The text is a loaded file's: valid JSON, names not
 * repeated, nesting within src/load/limits.ts's bound (only the pointers' paths recurse).
 */
import { pointerSegments } from "./json-file.js";

interface Step {
  /** Offset where the value at this path is anchored; -1 until met. */
  offset: number;
  children: Map<string, Step>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** The anchor offset of each pointer (see above), in order. */
export function anchorOffsets(text: string, pointers: readonly string[]): number[] {
  const root: Step = { offset: -1, children: new Map() };
  const paths = pointers.map((pointer) => {
    let step = root;
    const path = [root];
    for (const seg of pointerSegments(pointer)) {
      let next = step.children.get(seg);
      if (!next) step.children.set(seg, (next = { offset: -1, children: new Map() }));
      path.push((step = next));
    }
    return path;
  });
  let i = skipSpace(text, 0);
  root.offset = i;
  const visit = (step: Step): void => {
    const c = text.charCodeAt(i);
    if (step.children.size === 0 || (c !== OPEN_OBJECT && c !== OPEN_ARRAY)) {
      i = skipValue(text, i);
      return;
    }
    // Array items are matched by number, as json-file.ts childNode does ("01" is item 1).
    const items = new Map<number, Step[]>();
    if (c === OPEN_ARRAY) for (const [seg, s] of step.children) if (/^\d+$/.test(seg)) items.set(Number(seg), [...(items.get(Number(seg)) ?? []), s]);
    const close = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
    i = skipSpace(text, i + 1);
    for (let index = 0; text.charCodeAt(i) !== close; index++) {
      let found: Step[] | undefined;
      const start = i;
      if (c === OPEN_OBJECT) {
        const end = skipString(text, i);
        const raw = text.slice(i + 1, end - 1);
        const child = step.children.get(raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw);
        found = child && [child];
        i = skipSpace(text, skipSpace(text, end) + 1);
      } else {
        found = items.get(index);
      }
      if (found) for (const s of found) s.offset = start;
      if (found) {
        const at = i;
        for (const s of found) {
          i = at;
          visit(s);
        }
      } else i = skipValue(text, i);
      i = skipSpace(text, i);
      if (text.charCodeAt(i) === COMMA) i = skipSpace(text, i + 1);
    }
    i++;
  };
  visit(root);
  return paths.map((path) => {
    let offset = root.offset;
    for (const step of path) {
      if (step.offset < 0) break;
      offset = step.offset;
    }
    return offset;
  });
}

function skipSpace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  return i;
}

/** The offset just past the string starting at `i`. */
function skipString(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
    j = text.indexOf('"', j + 1);
  }
}

/** The offset just past the value starting at `i` (iterative: any depth). */
function skipValue(text: string, i: number): number {
  let depth = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = skipString(text, i);
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      i++;
    } else if (depth === 0) {
      // A literal (number, true, false, null): up to the next delimiter.
      for (let d = text.charCodeAt(i); i < text.length && d !== COMMA && d !== CLOSE_OBJECT && d !== CLOSE_ARRAY && d > 0x20; d = text.charCodeAt(++i));
      return i;
    } else i++;
    if (depth === 0) return i;
  }
}
