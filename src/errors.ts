/**
 * Errors the user can act on: each names a file and, where known, the line, column and JSON
 * pointer, with a code frame. The CLI prints them and exits 2; nothing is written.
 */
export interface Location {
  /** Path as shown to the user (relative to the working directory where possible). */
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export class LockstepError extends Error {
  constructor(
    message: string,
    readonly location?: Location,
    readonly frame?: string,
  ) {
    super(message);
    this.name = "LockstepError";
  }

  /** `file:line:col: message (at pointer)` followed by the code frame. */
  format(): string {
    const loc = this.location;
    let head = this.message;
    if (loc) {
      const pos = loc.line !== undefined ? `:${loc.line}:${loc.column ?? 1}` : "";
      const at = loc.pointer !== undefined ? ` (at ${loc.pointer === "" ? "#" : `#${loc.pointer}`})` : "";
      head = `${loc.file}${pos}: ${this.message}${at}`;
    }
    return this.frame ? `${head}\n${this.frame}` : head;
  }
}

/** 1-based line and column of an offset (the column counts UTF-16 code units, as editors do). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  return positionIn(lineStarts(text), offset);
}

/** 1-based line and column of an offset, given the offsets where lines start (ascending). */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  // The last line starting at or before offset (a newline at offset belongs to its line).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Offsets where lines start, for the text asked about last (warnings come file by file). */
let indexed: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    indexed = { text, starts };
  }
  return indexed.starts;
}

/** Lines longer than this are shown as a window around the column. */
const FRAME_WIDTH = 120;

/**
 * A few lines around (line, column), 1-based, with a caret under the column. Reads only the lines
 * it shows, so a frame in a 50 MB file (or a 50 MB line) stays small and cheap.
 */
export function codeFrame(text: string, line: number, column: number): string {
  const first = Math.max(1, line - 2);
  const shown: string[] = [];
  let start = 0;
  for (let n = 1; n <= line + 1; n++) {
    const end = text.indexOf("\n", start);
    if (n >= first) shown.push(text.slice(start, end === -1 ? text.length : end).replace(/\r$/, ""));
    if (end === -1) break;
    start = end + 1;
  }
  const last = first + shown.length - 1;
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    let src = shown[n - first]!.replace(/\t/g, " ");
    let caret = Math.max(0, column - 1);
    if (src.length > FRAME_WIDTH) {
      const from = n === line ? Math.max(0, Math.min(caret - FRAME_WIDTH / 2, src.length - FRAME_WIDTH)) : 0;
      src = `${from > 0 ? "…" : ""}${src.slice(from, from + FRAME_WIDTH)}${from + FRAME_WIDTH < src.length ? "…" : ""}`;
      if (n === line) caret = caret - from + (from > 0 ? 1 : 0);
    }
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${src}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(caret)}^`);
  }
  return out.join("\n");
}
