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

/** A few lines around (line, column), 1-based, with a caret under the column. */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const src = (lines[n - 1] ?? "").replace(/\t/g, " ");
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${src}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
}
