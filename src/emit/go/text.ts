/**
 * Escaping of schema text into Go source: string literals with strconv.Quote semantics and
 * comment lines that gofmt leaves exactly as written. Nothing from a schema reaches the output
 * without passing through here.
 */

/** Go's unicode.IsPrint minus the ASCII space: letters, marks, numbers, punctuation, symbols. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const hex = (cp: number, width: number): string => cp.toString(16).padStart(width, "0");

const QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"', "\\": "\\\\", "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
  "\t": "\\t", "\v": "\\v",
};

function isPrintable(ch: string, cp: number): boolean {
  // ASCII needs no Unicode tables (and compiling them costs a short run a millisecond).
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return cp < 0xd800 || cp > 0xdfff ? PRINTABLE.test(ch) : false;
}

/**
 * A Go interpreted string literal for `text`, as strconv.Quote writes it: printable characters as
 * they are, everything else (NUL, U+2028, BOM, ...) as an escape. A lone UTF-16 surrogate (not
 * valid UTF-8) becomes U+FFFD, as Go's JSON decoder reads it.
 */
export function goQuote(text: string): string {
  // Printable ASCII other than the quote and backslash stands for itself (the common case).
  if (/^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(text)) return `"${text}"`;
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const esc = QUOTE_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd";
    else if (isPrintable(ch, cp)) out += ch;
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/** Every line terminator a reader (or editor) might honour; Go itself only ends comments at \n. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * One line of comment text: tabs become spaces, other non-printable characters (NUL, BOM, NBSP,
 * bidi controls, ...) are spelled as escapes, outer blanks trimmed (gofmt trims trailing ones).
 */
function cleanLine(line: string): string {
  if (/^[\x20-\x7e]*$/.test(line)) return line.trim();
  let out = "";
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\t") out += " ";
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else if (isPrintable(ch, cp)) out += ch;
    else out += cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
  }
  return out.trim();
}

/** Any line terminator of LINE_BREAK. */
const HAS_LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

/** Splits free text into clean comment lines (no prefix yet). */
export function textLines(text: string): string[] {
  return HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).map(cleanLine) : [cleanLine(text)];
}

// ---- gofmt doc-comment stability (go/doc/comment) ------------------------------------------
// gofmt reformats comments directly above top-level declarations. Lines here are never indented,
// so there are no lists or code blocks; what remains is headings and link definitions.

const isHeading = (line: string): boolean => line.length >= 2 && line[0] === "#" && line[1] === " " && line.trim() !== "#";

/** go/doc/comment isOldHeading: a lone capitalised line between paragraphs becomes "# line". */
function isOldHeading(line: string, all: string[], off: number): boolean {
  if (off <= 0 || all[off - 1] !== "" || off + 2 >= all.length || all[off + 1] !== "" || /^[ \t]/.test(all[off + 2]!)) {
    return false;
  }
  const chars = [...line.trim()];
  if (chars.length === 0 || !/^\p{Lu}$/u.test(chars[0]!)) return false;
  if (!/^[\p{L}\p{Nd}]$/u.test(chars[chars.length - 1]!)) return false;
  if (chars.some((c) => ';:!?+*/=[]{}_^°&§~%#@<">\\'.includes(c))) return false;
  const t = line.trim();
  for (let i = t.indexOf("'"); i >= 0; i = t.indexOf("'", i + 1)) {
    const after = t.slice(i + 1);
    if (after !== "s" && !after.startsWith("s ")) return false;
  }
  for (let i = t.indexOf("."); i >= 0; i = t.indexOf(".", i + 1)) {
    const after = t.slice(i + 1);
    if (after === "" || after.startsWith(" ")) return false;
  }
  return true;
}

/** go/doc/comment parseLink: "[text]: scheme://..." lines form link definitions gofmt moves. */
function isLinkDef(line: string): boolean {
  if (line === "" || line[0] !== "[") return false;
  const i = line.indexOf("]:");
  if (i < 0 || i + 3 >= line.length || (line[i + 2] !== " " && line[i + 2] !== "\t")) return false;
  const url = line.slice(i + 3).trim();
  const j = url.indexOf("://");
  return j > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.slice(0, j)) && isScheme(url.slice(0, j));
}

// go/doc/comment knows these schemes only.
const SCHEMES = new Set(["http", "https", "ftp", "gopher", "mailto", "news", "nntp", "telnet", "wais", "file", "prospero"]);
const isScheme = (s: string): boolean => SCHEMES.has(s);

/**
 * Comment lines (without "//") in the form gofmt prints them: single blank lines between
 * paragraphs, headings normalised, link-definition paragraphs shown as code (so gofmt does not
 * move them). Idempotent under gofmt's doc-comment reformatting.
 */
export function docParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  let paragraphs = 0;
  let allLinks = true;
  for (let start = 0; start < lines.length; ) {
    if (lines[start] === "") {
      start++;
      continue;
    }
    let end = start;
    let links = true;
    for (; end < lines.length && lines[end] !== ""; end++) if (links && !isLinkDef(lines[end]!)) links = false;
    paragraphs++;
    allLinks &&= links;
    if (out.length > 0) out.push("");
    if (links) for (let i = start; i < end; i++) out.push(`\t${lines[i]!}`);
    else if (end - start === 1 && isHeading(lines[start]!)) out.push(`# ${lines[start]!.slice(1).trim()}`);
    else for (let i = start; i < end; i++) out.push(lines[i]!);
    start = end;
  }
  // Only link definitions: gofmt keeps them (there is nothing to render) after a blank line.
  if (paragraphs > 0 && allLinks) return ["", ...lines.filter((l) => l !== "")];
  // In place: isOldHeading reads the line before only for being blank, which no rewrite changes.
  for (let i = 0; i < out.length; i++) out[i] = gofmtQuotes(isOldHeading(out[i]!, out, i) ? `# ${out[i]!}` : out[i]!);
  return out;
}

/** gofmt prints `` (not ``` or longer) and '' in doc comment text as “ and ”; code lines (tab) keep them. */
function gofmtQuotes(line: string): string {
  if (line.startsWith("\t") || (!line.includes("``") && !line.includes("''"))) return line;
  return line.replace(/(?<!`)``(?!`)/g, "\u201c").replace(/''/g, "\u201d");
}

/** Comment lines with their prefix ("// text", "//" for blank, "//\t" for code). */
export function commentLines(lines: string[], indent = ""): string[] {
  return lines.map((line) => {
    const l = noBuildLine(line);
    return l === "" ? `${indent}//` : l.startsWith("\t") ? `${indent}//${l}` : `${indent}// ${l}`;
  });
}

/** A comment line reading `+build ...` is a build constraint to go vet ("misplaced +build comment"). */
const noBuildLine = (line: string): string => (line.includes("+build") ? line.replace(/^(\s*)\+build(?=\s|$)/, "$1\\+build") : line);
