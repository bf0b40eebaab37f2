/**
 * Go's reserved words and predeclared identifiers. Exported Go names (capitalised) can never be
 * one of these; the lists guard package names and anything else spelled in lower case.
 */
export const GO_KEYWORDS: ReadonlySet<string> = new Set([
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
  "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
  "struct", "switch", "type", "var",
]);

export const GO_PREDECLARED: ReadonlySet<string> = new Set([
  "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
  "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32",
  "uint64", "uintptr", "true", "false", "iota", "nil", "append", "cap", "clear", "close", "complex",
  "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real",
  "recover",
]);

/** Methods generated on struct types: a field of the same name would not compile. */
export const GO_GENERATED_METHODS: ReadonlySet<string> = new Set(["MarshalJSON", "UnmarshalJSON", "IsKnown"]);
