/**
 * The lines of a large generated file, joined into text a few thousand at a time: each piece is
 * large enough to be allocated outside the young generation (a scavenge never copies it), while
 * the lines, joined soon after they are made, die young. The text is the lines joined by "\n",
 * with a final line break.
 */
const LINES_PER_PIECE = 4096;

export class Lines {
  /** Where to append lines: another array after each `settle`, so hold it no longer than that. */
  out: string[] = [];
  private readonly pieces: string[] = [];

  /** Joins the lines so far into a piece, when there are enough of them. */
  settle(): void {
    if (this.out.length >= LINES_PER_PIECE) {
      this.pieces.push(this.out.join("\n"));
      this.out = [];
    }
  }

  /** Every line, each followed by a line break. */
  text(): string {
    this.out.push("");
    this.pieces.push(this.out.join("\n"));
    this.out = [];
    return this.pieces.join("\n");
  }
}
