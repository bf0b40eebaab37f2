/**
 * Words a TypeScript identifier may not be (reserved, strict-mode reserved, and the names of
 * built-in types that are keywords in type position). Generated type names are PascalCase and
 * function names carry a suffix, so these rarely bite; the check keeps every identifier legal.
 */
export const RESERVED = new Set([
  "abstract", "any", "arguments", "as", "async", "await", "bigint", "boolean", "break", "case", "catch",
  "class", "const", "constructor", "continue", "debugger", "declare", "default", "delete", "do", "else",
  "enum", "eval", "export", "extends", "false", "finally", "for", "from", "function", "get", "if",
  "implements", "import", "in", "infer", "instanceof", "interface", "is", "keyof", "let", "module",
  "namespace", "never", "new", "null", "number", "object", "of", "package", "private", "protected",
  "public", "readonly", "require", "return", "satisfies", "set", "static", "string", "super", "switch",
  "symbol", "this", "throw", "true", "try", "type", "typeof", "undefined", "unique", "unknown", "using",
  "var", "void", "while", "with", "yield",
]);

/**
 * Names a generated module binds itself (the runtime namespace import), and globals its code
 * calls (`BigInt("…")` defaults, `Array.isArray`) or a reader expects: a declaration must not shadow them.
 */
export const MODULE_NAMES = new Set([
  "rt", "Array", "BigInt", "Boolean", "Date", "Error", "JSON", "Map", "Math", "Number", "Object", "Promise", "Set",
  "String", "Symbol",
]);

/** Members every object inherits; a generated property of the same name would clash with them. */
export const PROTOTYPE_MEMBERS = new Set([
  "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf",
]);
