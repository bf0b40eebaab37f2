/**
 * A schema `pattern` is an ECMAScript regular expression with the `u` flag (as ajv compiles it).
 * This module parses it with regexpp and prints the same expression for Rust's `regex` crate and
 * Go's `regexp` (RE2), or says why that engine cannot run it. Shared by lint (a rule warns) and the
 * emitters (a generated validator reports the pattern as unsupported instead of passing silently).
 *
 * What changes on the way (ECMAScript semantics are kept, see docs/validation.md):
 * - `.` is "not a line terminator" (\n, \r, U+2028, U+2029), spelled out as a class;
 * - `\d` `\w` `\b` are ASCII in ECMAScript but Unicode in Rust: spelled as ASCII classes there;
 * - `\s` is ECMAScript's white space set (Unicode spaces and U+FEFF), spelled out for both;
 * - `\p{..}`: Go knows only short general categories and script names, so long names are mapped
 *   (`Letter` → `L`, `Script=Greek` → `Greek`); other properties are reported for Go;
 * - every literal character is printed as `\x{..}` unless it is an ASCII letter or digit, so no
 *   syntax difference between the engines can change its meaning.
 * Not translatable: lookahead, lookbehind, backreferences (neither engine), repetition counts
 * above 1000 (Go).
 */
import { RegExpParser, type AST } from "@eslint-community/regexpp";

export type RegexEngine = "rust" | "go";

export type Translation = { ok: true; source: string } | { ok: false; reason: string };

export interface PatternTranslation {
  /** Set when ECMAScript itself (with the `u` flag) rejects the pattern. */
  invalid?: string;
  rust: Translation;
  go: Translation;
}

class Unsupported extends Error {}

const LINE_TERMINATORS = "\\n\\r\\x{2028}\\x{2029}";
/** ECMAScript's WhiteSpace and LineTerminator code points (what `\s` matches). */
const SPACE = "\\t\\n\\x{b}\\x{c}\\r\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
const DIGIT = "0-9";
const WORD = "0-9A-Za-z_";

/** Long general category names (and aliases) to the short ones Go knows. */
const GENERAL_CATEGORIES: Record<string, string> = {
  Letter: "L", Cased_Letter: "LC", Uppercase_Letter: "Lu", Lowercase_Letter: "Ll", Titlecase_Letter: "Lt", Modifier_Letter: "Lm",
  Other_Letter: "Lo", Mark: "M", Combining_Mark: "M", Nonspacing_Mark: "Mn", Spacing_Mark: "Mc", Enclosing_Mark: "Me", Number: "N",
  Decimal_Number: "Nd", digit: "Nd", Letter_Number: "Nl", Other_Number: "No", Punctuation: "P", punct: "P", Connector_Punctuation: "Pc",
  Dash_Punctuation: "Pd", Open_Punctuation: "Ps", Close_Punctuation: "Pe", Initial_Punctuation: "Pi", Final_Punctuation: "Pf",
  Other_Punctuation: "Po", Symbol: "S", Math_Symbol: "Sm", Currency_Symbol: "Sc", Modifier_Symbol: "Sk", Other_Symbol: "So",
  Separator: "Z", Space_Separator: "Zs", Line_Separator: "Zl", Paragraph_Separator: "Zp", Other: "C", Control: "Cc", cntrl: "Cc",
  Format: "Cf", Surrogate: "Cs", Private_Use: "Co", Unassigned: "Cn",
};
/** Short categories Go's regexp/syntax accepts (unicode.Categories, plus "Any"). */
const GO_CATEGORIES = new Set(["C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs"]);

function hex(cp: number): string {
  return `\\x{${cp.toString(16)}}`;
}

function literal(cp: number): string {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? String.fromCodePoint(cp) : hex(cp);
}

class Printer {
  constructor(private readonly engine: RegexEngine) {}

  pattern(node: AST.Pattern): string {
    return this.alternatives(node.alternatives);
  }

  private alternatives(alts: readonly AST.Alternative[]): string {
    return alts.map((a) => a.elements.map((e) => this.element(e)).join("")).join("|");
  }

  private element(node: AST.Element): string {
    switch (node.type) {
      case "Group":
        if (node.modifiers) throw new Unsupported("inline modifiers (?i:...) are not translated");
        return `(?:${this.alternatives(node.alternatives)})`;
      case "CapturingGroup":
        return `(?:${this.alternatives(node.alternatives)})`;
      case "Quantifier":
        return this.quantifier(node);
      case "Assertion":
        return this.assertion(node);
      case "Character":
        return literal(node.value);
      case "CharacterClass":
        return this.characterClass(node);
      case "CharacterSet":
        return this.topSet(node);
      case "Backreference":
        throw new Unsupported("backreferences are not supported");
      case "ExpressionCharacterClass":
        throw new Unsupported("set operations in classes are not translated");
    }
  }

  private quantifier(node: AST.Quantifier): string {
    const max = node.max === Infinity ? undefined : node.max;
    if (this.engine === "go" && (node.min > 1000 || (max ?? 0) > 1000)) throw new Unsupported("repetition counts above 1000 are not supported");
    let q: string;
    if (node.min === 0 && max === undefined) q = "*";
    else if (node.min === 1 && max === undefined) q = "+";
    else if (node.min === 0 && max === 1) q = "?";
    else if (max === undefined) q = `{${node.min},}`;
    else if (max === node.min) q = `{${node.min}}`;
    else q = `{${node.min},${max}}`;
    return `(?:${this.element(node.element)})${q}${node.greedy ? "" : "?"}`;
  }

  private assertion(node: AST.Assertion): string {
    switch (node.kind) {
      case "start":
        return "^";
      case "end":
        return "$";
      case "word":
        // ECMAScript word boundaries are ASCII; Go's \b is ASCII already.
        if (this.engine === "go") return node.negate ? "\\B" : "\\b";
        return node.negate ? "(?-u:\\B)" : "(?-u:\\b)";
      case "lookahead":
      case "lookbehind":
        throw new Unsupported(`${node.kind} assertions are not supported`);
    }
  }

  /** A set outside a class. */
  private topSet(node: AST.CharacterSet): string {
    if (node.kind === "any") return `[^${LINE_TERMINATORS}]`;
    if (node.kind === "property") return this.property(node, node.negate);
    return `[${node.negate ? "^" : ""}${this.setBody(node.kind)}]`;
  }

  private setBody(kind: "digit" | "space" | "word"): string {
    return kind === "digit" ? DIGIT : kind === "word" ? WORD : SPACE;
  }

  private property(node: AST.CharacterSet & { kind: "property" }, negate: boolean): string {
    if (node.strings) throw new Unsupported("properties of strings are not supported");
    const p = negate ? "P" : "p";
    const { key, value } = node;
    if (this.engine === "rust") return `\\${p}{${value === null ? key : `${key}=${value}`}}`;
    let name: string | undefined;
    if (value === null) name = key === "Any" ? "Any" : (GENERAL_CATEGORIES[key] ?? key);
    else if (key === "General_Category" || key === "gc") name = GENERAL_CATEGORIES[value] ?? value;
    else if (key === "Script" || key === "sc") name = value;
    if (name === undefined || name === "LC") throw new Unsupported(`\\p{${value === null ? key : `${key}=${value}`}} is not supported`);
    // Scripts: Go spells them as ECMAScript does (Greek, Latin, ...); binary properties it lacks.
    if (value === null && !GO_CATEGORIES.has(name) && name !== "Any") throw new Unsupported(`\\p{${key}} is not supported`);
    return `\\${p}{${name}}`;
  }

  private characterClass(node: AST.CharacterClass): string {
    if (node.unicodeSets) throw new Unsupported("v-flag classes are not translated");
    if (node.elements.length === 0) return node.negate ? "[\\x{0}-\\x{10ffff}]" : "[^\\x{0}-\\x{10ffff}]";
    const parts = node.elements.map((e) => this.classElement(e));
    return `[${node.negate ? "^" : ""}${parts.join("")}]`;
  }

  private classElement(node: AST.CharacterClassElement): string {
    switch (node.type) {
      case "Character":
        return literal(node.value);
      case "CharacterClassRange":
        return `${literal(node.min.value)}-${literal(node.max.value)}`;
      case "CharacterSet":
        if (node.kind === "property") return this.property(node, node.negate);
        if (!node.negate) return this.setBody(node.kind);
        // Rust nests classes; Go has \D \W (ASCII, as ECMAScript's) but no nested class for \S.
        if (this.engine === "rust") return `[^${this.setBody(node.kind)}]`;
        if (node.kind === "digit") return "\\D";
        if (node.kind === "word") return "\\W";
        throw new Unsupported("\\S inside a character class is not supported");
      default:
        throw new Unsupported("set operations in classes are not translated");
    }
  }
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** Translations by pattern: a large project repeats the same patterns (five times over in SchemaStore). */
const translations = new Map<string, PatternTranslation>();

/** Parses `pattern` as ajv does (`u` flag) and prints it for each engine (the same object for the same pattern). */
export function translatePattern(pattern: string): PatternTranslation {
  let translation = translations.get(pattern);
  if (translation === undefined) {
    if (translations.size >= 10_000) translations.clear();
    translation = translate(pattern);
    translations.set(pattern, translation);
  }
  return translation;
}

function translate(pattern: string): PatternTranslation {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch (err) {
    const reason = `not a valid ECMAScript regular expression: ${(err as Error).message}`;
    return { invalid: reason, rust: { ok: false, reason }, go: { ok: false, reason } };
  }
  const print = (engine: RegexEngine): Translation => {
    try {
      return { ok: true, source: new Printer(engine).pattern(ast) };
    } catch (err) {
      if (err instanceof Unsupported) return { ok: false, reason: err.message };
      throw err;
    }
  };
  return { rust: print("rust"), go: print("go") };
}
