/**
 * Limits on input shape. Every later stage (IR, lint, emitters, fixtures) walks schemas
 * recursively, so nesting is bounded once, here, when a file is read: a file nested deeper than
 * `maxDepth` objects and arrays is a clear error naming the place, never a stack overflow.
 */
import { getLocation } from "jsonc-parser";
import { LockstepError, codeFrame, positionOf } from "../errors.js";
import type { EntityVersion, History } from "./history.js";

export const DEFAULT_MAX_DEPTH = 256;

let maxDepth = DEFAULT_MAX_DEPTH;

/** Set from the config (`maxDepth`) by the command line; applies to every file read after. */
export function setMaxDepth(depth: number | undefined): void {
  maxDepth = depth ?? DEFAULT_MAX_DEPTH;
}

export function getMaxDepth(): number {
  return maxDepth;
}

/**
 * Throws when `text` nests objects and arrays deeper than the limit. One pass over the characters
 * without recursion; the pointer is worked out only for the error. Returns how many object members
 * (name: value) the text has, which tells the parser whether a name was repeated.
 */
export function checkDepth(text: string, display: string, limit: number = maxDepth): number {
  let depth = 0;
  let members = 0;
  // Strings are most of a schema's text: each is skipped with indexOf, to its closing quote or
  // its next backslash (the escaped character after one is skipped too).
  let backslash = text.indexOf("\\");
  if (backslash < 0) backslash = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; ; ) {
        let quote = text.indexOf('"', i);
        if (quote < 0) quote = text.length;
        if (backslash < i) {
          backslash = text.indexOf("\\", i);
          if (backslash < 0) backslash = text.length;
        }
        if (backslash < quote) {
          i = backslash + 2;
          continue;
        }
        i = quote;
        break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) throw depthError(text, display, i, limit);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    } else if (c === 58 /* : */) {
      members++;
    }
  }
  return members;
}

function depthError(text: string, display: string, offset: number, limit: number): LockstepError {
  const { line, column } = positionOf(text, offset);
  // The prefix up to the offending bracket is at most `limit` deep, so this recursive visit is safe.
  const path = getLocation(text.slice(0, offset + 1), offset).path;
  const pointer = shorten(path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""));
  return new LockstepError(
    `nested more than ${limit} levels deep (objects and arrays); flatten the schema with $defs and $ref, or raise "maxDepth" in lockstep.config.json`,
    { file: display, line, column, pointer },
    codeFrame(text, line, column),
  );
}

/** A pointer short enough to read: long ones keep their start and end. */
function shorten(pointer: string): string {
  return pointer.length <= 160 ? pointer : `${pointer.slice(0, 80)}…${pointer.slice(-70)}`;
}

/**
 * Runs a stage over some entity versions; if it hits a JavaScript limit (a chain of thousands of
 * $refs can outrun the call stack), the error names those files instead of crashing.
 */
export async function withInput<T>(history: History, versions: EntityVersion[], stage: () => T | Promise<T>): Promise<T> {
  try {
    return await stage();
  } catch (err) {
    if (err instanceof RangeError) {
      const files = versions.map((v) => history.display(v.path)).join(", ");
      throw new LockstepError(`too large or too deeply nested to process (${err.message}); look for very long $ref chains or huge arrays`, { file: files });
    }
    throw err;
  }
}
