/**
 * Column alignment as gofmt prints it (text/tabwriter, padding 1, spaces): within a run of
 * consecutive rows, every cell that is followed by another cell is padded to the widest such
 * cell of its column in that run. A comment or blank line ends the run.
 */

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

const SPACES = " ".repeat(64);
const spaces = (n: number): string => (n <= SPACES.length ? SPACES.slice(0, n) : " ".repeat(n));

let widths = new Int32Array(256);
let target = new Int32Array(256);

/** Aligned lines, built a row or a line at a time (no object per row). */
export class Aligner {
  readonly lines: string[] = [];
  private run: string[][] = [];

  /** A line printed as it is; it ends the current run. */
  line(text: string): void {
    if (this.run.length > 0) this.flush();
    this.lines.push(text);
  }

  row(cells: string[]): void {
    this.run.push(cells);
  }

  /** The lines, once every row is in. */
  done(): string[] {
    if (this.run.length > 0) this.flush();
    return this.lines;
  }

  /** Column c of a row takes part in alignment only if the row has a cell after it; runs of such rows align. */
  private flush(): void {
    const run = this.run;
    this.run = [];
    const n = run.length;
    let cols = 0;
    for (const cells of run) if (cells.length > cols) cols = cells.length;
    // The width of every padded cell, then the width it is padded to: every entry read below is
    // written first, so the scratch arrays are reused from run to run.
    if (widths.length < n * cols) {
      widths = new Int32Array(2 * n * cols);
      target = new Int32Array(2 * n * cols);
    }
    for (let col = 0; col < cols - 1; col++) {
      let start = 0;
      while (start < n) {
        if (run[start]!.length <= col + 1) {
          start++;
          continue;
        }
        let end = start;
        let max = 0;
        for (; end < n && run[end]!.length > col + 1; end++) {
          const w = width(run[end]![col]!);
          widths[end * cols + col] = w;
          if (w > max) max = w;
        }
        for (let r = start; r < end; r++) target[r * cols + col] = max;
        start = end;
      }
    }
    for (let r = 0; r < n; r++) {
      const cells = run[r]!;
      let line = "";
      for (let col = 0; col < cells.length - 1; col++) line += cells[col]! + spaces(target[r * cols + col]! - widths[r * cols + col]! + 1);
      this.lines.push(cells.length === 0 ? "" : line + cells[cells.length - 1]!);
    }
  }
}

export function alignRows(rows: readonly Row[]): string[] {
  const aligner = new Aligner();
  for (const row of rows) {
    if ("line" in row) aligner.line(row.line);
    else aligner.row(row.cells);
  }
  return aligner.done();
}
