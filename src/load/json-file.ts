/**
 * Strict JSON parsing that keeps source positions, so every later error (a bad $ref, a lint
 * finding) can point at file:line:col. Built on jsonc-parser with comments and trailing commas off.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { LockstepError, codeFrame, type Location } from "../errors.js";

export interface JsonFile {
  /** Absolute path. */
  path: string;
  /** Path shown to users. */
  display: string;
  text: string;
  value: unknown;
  tree: Node;
}

export interface Position {
  line: number;
  column: number;
}

/** Parses a JSON text; malformed JSON is a LockstepError at the first problem. */
export function parseJsonFile(path: string, display: string, text: string): JsonFile {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const err = errors[0];
    const offset = err?.offset ?? 0;
    const pos = positionAt(text, offset);
    const what = err ? describeParseError(printParseErrorCode(err.error)) : "empty file";
    throw new LockstepError(`invalid JSON: ${what}`, { file: display, ...pos }, codeFrame(text, pos.line, pos.column));
  }
  return { path, display, text, value: getNodeValue(tree), tree };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function pointerFrom(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The node at a JSON pointer, or the deepest existing ancestor. */
export function nodeAt(file: JsonFile, pointer: string): Node {
  let node = file.tree;
  for (const seg of pointerSegments(pointer)) {
    const next = childNode(node, seg);
    if (!next) break;
    node = next;
  }
  return node;
}

/** The exact source text of the value at a pointer, or undefined when there is none. */
export function textAt(file: JsonFile, pointer: string): string | undefined {
  let node: Node | undefined = file.tree;
  for (const seg of pointerSegments(pointer)) {
    node = node && childNode(node, seg);
    if (!node) return undefined;
  }
  return file.text.slice(node.offset, node.offset + node.length);
}

function childNode(node: Node, seg: string): Node | undefined {
  if (node.type === "array") return /^\d+$/.test(seg) ? node.children?.[Number(seg)] : undefined;
  if (node.type !== "object") return undefined;
  let found: Node | undefined;
  // Last one wins, as in JSON.parse, if a key is repeated.
  for (const prop of node.children ?? []) if (prop.children?.[0]?.value === seg) found = prop.children[1];
  return found;
}

/** The location of a pointer in a file: the start of the property (key) holding it. */
export function locate(file: JsonFile, pointer: string): Location {
  const node = nodeAt(file, pointer);
  const anchor = node.parent?.type === "property" ? node.parent : node;
  return { file: file.display, pointer, ...positionAt(file.text, anchor.offset) };
}

/** A LockstepError at a pointer of a file, with a code frame. */
export function errorAt(file: JsonFile, pointer: string, message: string): LockstepError {
  const loc = locate(file, pointer);
  return new LockstepError(message, loc, codeFrame(file.text, loc.line!, loc.column!));
}
