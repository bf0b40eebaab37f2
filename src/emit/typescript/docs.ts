/** IR documentation → TSDoc text lines (made inert by naming.docBlock). */
import type { Doc, Field, JsonValue } from "../../ir/types.js";

const json = (value: JsonValue): string => JSON.stringify(value);

/**
 * Lines for a declaration or member doc. `notes` are extra paragraphs from the emitter, `tags`
 * extra TSDoc tag lines (placed before examples and @deprecated).
 */
export function docLines(doc: Doc, notes: readonly string[] = [], tags: readonly string[] = []): string[] {
  const out: string[] = [];
  if (doc.title !== undefined) out.push(doc.title, "");
  if (doc.description !== undefined) out.push(doc.description, "");
  for (const note of notes) out.push(note, "");
  if (doc.format !== undefined) out.push(`Format: \`${doc.format}\`.`);
  if (doc.constraints.length > 0) out.push(`Constraints (not checked): ${doc.constraints.join("; ")}.`);
  out.push(...tags);
  for (const example of doc.examples ?? []) out.push("@example", json(example));
  if (doc.deprecated === true) out.push("@deprecated");
  return out;
}

/** Lines for a field: its doc plus what happens to its default and former names. */
export function fieldDocLines(field: Field): string[] {
  const notes: string[] = [];
  const tags: string[] = [];
  if (field.default !== undefined) {
    notes.push(
      field.required
        ? "Filled with the default when absent on decode."
        : "Absence is kept as is (the default is not filled in), so encoding writes it back absent.",
    );
    tags.push(`@defaultValue \`${json(field.default)}\``);
  }
  if (field.aliases.length > 0) notes.push(`Also read from former wire names ${field.aliases.map(json).join(", ")}.`);
  return docLines(field.doc, notes, tags);
}
