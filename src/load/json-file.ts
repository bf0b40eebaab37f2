/**
 * Strict JSON parsing that keeps source positions, so every later error (a bad $ref, a lint
 * finding) can point at file:line:col. Built on jsonc-parser with comments and trailing commas off.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { canonicalValue, canonicalize } from "../canonical.js";
import { LockstepError, codeFrame, positionOf, type Location } from "../errors.js";
import { checkDepth } from "./limits.js";

export interface JsonFile {
  /** Absolute path. */
  path: string;
  /** Path shown to users. */
  display: string;
  text: string;
  value: unknown;
  tree: Node;
}

const canonicalTexts = new WeakMap<JsonFile, string>();

/** The file's canonical JSON (src/canonical.ts), once: the inputs hash and the manifest both need it. */
export function canonicalText(file: JsonFile): string {
  let text = canonicalTexts.get(file);
  if (text === undefined) {
    text = (file.value !== undefined ? canonicalValue(file.value) : undefined) ?? canonicalize(file.text);
    canonicalTexts.set(file, text);
  }
  return text;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * Parses a JSON text; malformed JSON is a LockstepError at the first problem. The value comes from
 * JSON.parse (fast, not recursive); the position tree is built only when something needs a
 * position, so a 50 MB schema costs its value once, not a second tree of nodes. A leading byte
 * order mark is ignored; nesting deeper than the limit (src/load/limits.ts) is an error.
 */
export function parseJsonFile(path: string, display: string, text: string): JsonFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const members = checkDepth(text, display);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw parseError(display, text, err);
  }
  let tree: Node | undefined;
  const file: JsonFile = {
    path,
    display,
    text,
    value,
    get tree(): Node {
      tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false })!;
      return tree;
    },
  };
  const found = inspect(value);
  if (found.why === "members") {
    // JSON.parse keeps the last of a repeated name; fewer names than the text has means a repeat.
    if (found.count !== members) throw duplicateKey(file);
    return file;
  }
  const pointer = pointerFrom(found.path);
  throw errorAt(
    file,
    pointer,
    found.why === "number"
      ? `number ${textAt(file, pointer)} is outside the range of a double (about ±1.8e308): no target language can hold it`
      : "a lone UTF-16 surrogate (\\uD800-\\uDFFF without its pair) in a string or property name: UTF-8, and so Rust and Go, cannot hold it",
  );
}

/**
 * The first value no target language can hold: a number literal JSON.parse read as ±Infinity, or
 * a string or property name with a lone surrogate (UTF-8, and so Rust and Go, cannot encode one);
 * else how many object members the value has. Iterative, so any depth. The common case (nothing
 * wrong) keeps only a stack of values; the path to a bad one is found again, in the same order.
 */
function inspect(root: unknown): { path: Array<string | number>; why: "number" | "surrogate" } | { why: "members"; count: number } {
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return locateBad(root);
    } else if (typeof value === "string") {
      if (!wellFormed(value)) return locateBad(root);
    } else if (value !== null && typeof value === "object") {
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) stack.push(value[i]);
      else {
        for (const key in value) {
          count++;
          if (!wellFormed(key)) return locateBad(root);
          stack.push((value as Record<string, unknown>)[key]);
        }
      }
    }
  }
  return { why: "members", count };
}

/** The path to the first bad value inspect met (the same walk, keeping each value's path). */
function locateBad(root: unknown): { path: Array<string | number>; why: "number" | "surrogate" } {
  interface Item { value: unknown; key?: string | number; parent?: Item }
  const pathOf = (item: Item): Array<string | number> => {
    const path: Array<string | number> = [];
    for (let at: Item | undefined = item; at?.key !== undefined; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Item[] = [{ value: root }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const value = item.value;
    if (typeof value === "number" && !Number.isFinite(value)) return { path: pathOf(item), why: "number" };
    if (typeof value === "string" && !wellFormed(value)) return { path: pathOf(item), why: "surrogate" };
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, key: i, parent: item }));
    else {
      for (const key in value) {
        const child: Item = { value: (value as Record<string, unknown>)[key], key, parent: item };
        if (!wellFormed(key)) return { path: pathOf(child), why: "surrogate" };
        stack.push(child);
      }
    }
  }
  throw new Error("lockstep: inspect found a value that locateBad did not");
}

/** The first repeated property name (called only when JSON.parse kept fewer names than the text has). */
function duplicateKey(file: JsonFile): LockstepError {
  const stack: Node[] = [file.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const seen = new Set<string>();
    for (const child of node.children ?? []) {
      const key = child.type === "property" ? child.children?.[0] : undefined;
      if (key && node.type === "object") {
        const name = String(key.value);
        if (seen.has(name)) {
          const pos = positionAt(file.text, key.offset);
          const pointer = pointerFrom([...pathOf(node), name]);
          return new LockstepError(`property name ${JSON.stringify(name)} appears twice in one object (JSON parsers disagree on which one counts)`, { file: file.display, ...pos, pointer }, codeFrame(file.text, pos.line, pos.column));
        }
        seen.add(name);
      }
      stack.push(child);
    }
  }
  return new LockstepError("a property name appears twice in one object", { file: file.display });
}

/** JSON pointer segments of a jsonc-parser node. */
function pathOf(node: Node): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (parent.type === "property") path.unshift(String(parent.children![0]!.value));
    else if (parent.type === "array") path.unshift(parent.children!.indexOf(at));
  }
  return path;
}

const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** The first problem jsonc-parser finds, with its position; else JSON.parse's own message. */
function parseError(display: string, text: string, cause: unknown): LockstepError {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let offset: number;
  let what: string;
  if (errors.length > 0 || !tree) {
    const err = errors[0];
    offset = err?.offset ?? 0;
    what = err ? describeParseError(printParseErrorCode(err.error)) : "empty file";
  } else {
    // jsonc-parser is more lenient in a few corners (e.g. exotic whitespace); JSON.parse decides.
    const message = cause instanceof Error ? cause.message : String(cause);
    offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    what = message.replace(/ in JSON at position \d+.*$/s, "").replace(/^Unexpected/, "unexpected");
  }
  const pos = positionAt(text, offset);
  return new LockstepError(`invalid JSON: ${what}`, { file: display, ...pos }, codeFrame(text, pos.line, pos.column));
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function positionAt(text: string, offset: number): Position {
  return positionOf(text, Math.min(offset, text.length));
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.includes("~")) return pointer.slice(1).split("/");
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A name as one JSON pointer segment (RFC 6901: `~` and `/` escaped). */
export function pointerSegment(name: string): string {
  return name.includes("~") || name.includes("/") ? name.replace(/~/g, "~0").replace(/\//g, "~1") : name;
}

export function pointerFrom(segments: ReadonlyArray<string | number>): string {
  let out = "";
  for (const s of segments) out += `/${typeof s === "number" ? s : pointerSegment(s)}`;
  return out;
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
  const children = node.children ?? [];
  if (children.length > 16) return memberIndex(node).get(seg);
  let found: Node | undefined;
  // Last one wins, as in JSON.parse, if a key is repeated.
  for (const prop of children) if (prop.children?.[0]?.value === seg) found = prop.children[1];
  return found;
}

/** Members of a large object by name (a schema's $defs can hold thousands): built on first lookup. */
const memberIndexes = new WeakMap<Node, Map<unknown, Node | undefined>>();

function memberIndex(node: Node): Map<unknown, Node | undefined> {
  let index = memberIndexes.get(node);
  if (index === undefined) {
    index = new Map();
    for (const prop of node.children ?? []) if (prop.children?.[0]) index.set(prop.children[0].value, prop.children[1]);
    memberIndexes.set(node, index);
  }
  return index;
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
