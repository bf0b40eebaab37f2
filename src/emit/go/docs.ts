/** Doc comments from IR docs: description, then facts (format, default, examples, constraints), then Deprecated. */
import type { Doc, TypeExpr } from "../../ir/types.js";
import { commentLines, docParagraphs, textLines } from "./text.js";
import { append } from "../../arrays.js";

export interface DocExtras {
  /** A default and whether decoding fills it in (required fields) or keeps absence (optional ones). */
  default?: { json: string; filled: boolean };
  /** Extra fact lines written by the emitter (already plain text). */
  notes?: string[];
  /** The Go type the doc is for: a format it already spells (int32, int64, double) is not repeated. */
  type?: TypeExpr;
}

function formatSpelledByType(format: string, type: TypeExpr | undefined): boolean {
  const base = type?.kind === "nullable" ? type.inner : type;
  return (base?.kind === "integer" && (format === "int32" || format === "int64")) || (base?.kind === "number" && format === "double");
}

const oneLine = (text: string): string => textLines(text).filter((l) => l !== "").join(" ");

/** Raw comment text lines (unprefixed) for a doc; empty when there is nothing to say. */
function docText(doc: Doc, extras: DocExtras): string[] {
  const lines: string[] = [];
  const para = (more: string[]): void => {
    if (more.length === 0) return;
    if (lines.length > 0) lines.push("");
    append(lines, more);
  };
  const description = doc.description?.trim();
  if (doc.title !== undefined && doc.title.trim() !== "" && doc.title.trim() !== description) para(textLines(doc.title));
  if (description) para(textLines(description));

  const facts: string[] = [];
  if (doc.format !== undefined && !formatSpelledByType(doc.format, extras.type)) facts.push(`Format: ${oneLine(doc.format)}.`);
  if (extras.default !== undefined) {
    const when = extras.default.filled ? "filled in when the property is absent" : "not filled in: absence is kept";
    facts.push(`Default: ${oneLine(extras.default.json)} (${when}).`);
  }
  for (const example of doc.examples ?? []) facts.push(`Example: ${oneLine(JSON.stringify(example))}`);
  append(facts, (extras.notes ?? []).map(oneLine));
  if (doc.constraints.length > 0) {
    // A list in gofmt's own layout; items are single lines so none can be read as anything else.
    facts.push("Constraints (not checked by the generated code):");
    append(facts, doc.constraints.map((c) => `  - ${oneLine(c)}`));
  }
  para(facts);
  if (doc.deprecated) para(["Deprecated: the schema marks this as deprecated."]);
  return lines;
}

/** True when docText has no line to give (most fields and enum members): no work, no garbage. */
function saysNothing(doc: Doc, extras: DocExtras): boolean {
  return (
    doc.title === undefined && doc.description === undefined && doc.format === undefined && doc.examples === undefined &&
    doc.constraints.length === 0 && doc.deprecated !== true && extras.default === undefined && (extras.notes === undefined || extras.notes.length === 0)
  );
}

/** `// ...` lines for a declaration or field, stable under gofmt. */
export function docComment(doc: Doc, extras: DocExtras = {}, indent = ""): string[] {
  if (saysNothing(doc, extras)) return [];
  return commentLines(docParagraphs(docText(doc, extras)), indent);
}
