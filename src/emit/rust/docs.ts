/** Doc comments from the IR's `Doc`: description, then a short list of facts the types don't enforce. */
import type { Doc } from "../../ir/types.js";
import { docMarkdown, jsonInline, oneLine } from "./text.js";
import { maxOf } from "../../arrays.js";

/** Inline code that survives backticks in its text. */
function code(text: string): string {
  const longest = text.includes("`") ? maxOf([...text.matchAll(/`+/g)].map((m) => m[0].length), 0) : 0;
  const ticks = "`".repeat(longest + 1);
  return longest === 0 ? `${ticks}${text}${ticks}` : `${ticks} ${text} ${ticks}`;
}

export interface DocExtras {
  /** A field's default value as JSON text. */
  default?: string;
  /** Paragraphs from the emitter, after the description (plain text, already safe). */
  notes?: string[];
}

/** `///` lines for a declaration, field, variant or member (empty when there is nothing to say). */
export function docLines(doc: Doc, extras: DocExtras = {}): string[] {
  // Most fields, members and variants say nothing: no work, no garbage.
  if (
    doc.title === undefined && doc.description === undefined && doc.format === undefined && doc.examples === undefined &&
    doc.constraints.length === 0 && extras.default === undefined && (extras.notes === undefined || extras.notes.length === 0)
  ) {
    return [];
  }
  // `///` lines straight away: a blank line between paragraphs.
  const out: string[] = [];
  const paragraph = (lines: readonly string[]): void => {
    if (out.length > 0) out.push("///");
    for (const line of lines) out.push(line === "" ? "///" : `/// ${line}`);
  };
  const description = doc.description?.trim();
  const title = doc.title?.trim();
  if (title && title !== description) paragraph(docMarkdown(title));
  if (description) paragraph(docMarkdown(description));
  for (const note of extras.notes ?? []) paragraph([note]);
  const facts: string[] = [];
  if (doc.format !== undefined) facts.push(`- Format: ${code(oneLine(doc.format))}`);
  for (const constraint of doc.constraints) facts.push(`- Constraint: ${code(oneLine(constraint))}`);
  if (extras.default !== undefined) facts.push(`- Default: ${code(oneLine(extras.default))}`);
  for (const example of doc.examples ?? []) facts.push(`- Example: ${code(jsonInline(example))}`);
  if (facts.length > 0) paragraph(facts);
  return out;
}
