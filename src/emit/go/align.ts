/**
 * Column alignment as gofmt prints it (text/tabwriter, padding 1, spaces): within a run of
 * consecutive rows, every cell that is followed by another cell is padded to the widest such
 * cell of its column in that run. A comment or blank line ends the run.
 */
import { append, maxOf } from "../../arrays.js";

/** A row of cells to align, or a line printed as it is (a comment) that breaks alignment. */
export type Row = { cells: string[] } | { line: string };

/** Code points in `s` ([...s].length), counted without an array per cell. */
function width(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) continue;
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

export function alignRows(rows: readonly Row[]): string[] {
  const out: string[] = [];
  let run: string[][] = [];
  const flush = (): void => {
    append(out, alignRun(run));
    run = [];
  };
  for (const row of rows) {
    if ("line" in row) {
      flush();
      out.push(row.line);
    } else run.push(row.cells);
  }
  flush();
  return out;
}

/** Column c of a row takes part in alignment only if the row has a cell after it; runs of such rows align. */
function alignRun(run: string[][]): string[] {
  const padded = run.map((cells) => [...cells]);
  const maxCols = maxOf(run.map((c) => c.length), 0);
  for (let col = 0; col < maxCols - 1; col++) {
    let start = 0;
    while (start < run.length) {
      if (run[start]!.length <= col + 1) {
        start++;
        continue;
      }
      let end = start;
      while (end < run.length && run[end]!.length > col + 1) end++;
      const widths = run.slice(start, end).map((c) => width(c[col]!));
      const w = maxOf(widths);
      for (let r = start; r < end; r++) padded[r]![col] = run[r]![col]! + " ".repeat(w - widths[r - start]!);
      start = end;
    }
  }
  return padded.map((cells) => cells.join(" "));
}
