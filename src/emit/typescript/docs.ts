/** IR documentation → TSDoc text lines (made inert by naming.docBlock). */
import type { Doc, Field, JsonValue } from "../../ir/types.js";
import { append } from "../../arrays.js";
import { pushDocBlock } from "./naming.js";

const json = (value: JsonValue): string => JSON.stringify(value);

export interface DocExtras {
  /** Paragraphs from the emitter, after the description. */
  notes?: readonly string[];
  /** One-line facts listed with format and constraints. */
  facts?: readonly string[];
  /** TSDoc tag lines, before examples and @deprecated. */
  tags?: readonly string[];
}

export function docLines(doc: Doc, extras: DocExtras = {}): string[] {
  const out: string[] = [];
  if (doc.title !== undefined) out.push(doc.title, "");
  if (doc.description !== undefined) out.push(doc.description, "");
  for (const note of extras.notes ?? []) out.push(note, "");
  append(out, extras.facts ?? []);
  if (doc.format !== undefined) out.push(`Format: \`${doc.format}\`.`);
  if (doc.constraints.length > 0) out.push(`Constraints (not checked): ${doc.constraints.join("; ")}.`);
  append(out, extras.tags ?? []);
  for (const example of doc.examples ?? []) out.push("@example", json(example));
  if (doc.deprecated === true) out.push("@deprecated");
  return out;
}

/** Lines for a field: its doc plus its wire name, default and former names. */
export function fieldDocLines(field: Field, property: string): string[] {
  const notes: string[] = [];
  const facts: string[] = [];
  const tags: string[] = [];
  if (field.wireName !== property) facts.push(`JSON: ${json(field.wireName)}.`);
  if (field.aliases.length > 0) facts.push(`Also read from former names ${field.aliases.map(json).join(", ")}.`);
  if (field.default !== undefined) {
    notes.push(
      field.required
        ? "Filled with the default when absent on decode."
        : "Absence is kept as is (the default is not filled in), so encoding writes it back absent.",
    );
    tags.push(`@defaultValue \`${field.defaultJson ?? json(field.default)}\``);
  }
  return docLines(field.doc, { notes, facts, tags });
}

/** The TSDoc block of doc (and extras), appended to out. */
export function pushDoc(out: string[], doc: Doc, extras?: DocExtras, indent = ""): void {
  pushDocBlock(out, docLines(doc, extras), indent);
}
