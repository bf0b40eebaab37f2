/**
 * Everything that puts schema text into Rust source: string literals and comments. Schema text
 * must never end a literal or a comment early, nor smuggle characters rustc rejects.
 */

/** Characters rustc rejects (deny-by-default lints) in comments and literals: bidi controls. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
/** Printable ASCII only: a comment line commentText leaves as it is (but for trailing blanks). */
const PLAIN = /^[\x20-\x7e]*$/;

const hex = (code: number): string => `\\u{${code.toString(16)}}`;

/** A Rust string literal (escaped, ASCII only, so its width is its length). */
export function rustString(text: string): string {
  // Printable ASCII other than the quote and backslash stands for itself (the common case).
  if (/^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(text)) return `"${text}"`;
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code === 0) out += "\\0";
    else if (code >= 0xd800 && code <= 0xdfff) out += hex(0xfffd); // a lone surrogate is not a Rust char
    else if (code < 0x20 || code >= 0x7f) out += hex(code);
    else out += ch;
  }
  return `${out}"`;
}

/** Splits text into lines at every line terminator a reader (or an editor) would honour. */
function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/u);
}

/** One comment line's text: control and bidi characters spelled out, tabs as spaces, no trailing blanks. */
function commentText(line: string): string {
  if (PLAIN.test(line)) return line.trimEnd(); // the common case: nothing to spell out
  let out = "";
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    if (ch === "\t") out += "    ";
    else if (code < 0x20 || code === 0x7f || BIDI.test(ch) || (code >= 0xd800 && code <= 0xdfff)) out += hex(code);
    else out += ch;
  }
  return out.trimEnd();
}

/** Lines of plain `//` comments (headers). */
export function lineComments(text: string): string[] {
  return splitLines(text).map((line) => {
    const body = commentText(line);
    return body === "" ? "//" : `// ${body}`;
  });
}

/**
 * Markdown from a schema, made safe as a doc comment: code blocks are marked `text` so rustdoc
 * never compiles them as doctests, and deep indentation (an indented code block) is flattened.
 */
export function docMarkdown(text: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const raw of splitLines(text)) {
    let line = commentText(raw);
    const m = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (m && fence === undefined && !(m[2]!.startsWith("`") && m[3]!.includes("`"))) {
      fence = m[2]!;
      line = `${m[1]}${m[2]}text`;
    } else if (m && fence !== undefined && m[2]!.startsWith(fence) && m[2]![0] === fence[0] && m[3]!.trim() === "") {
      fence = undefined;
    } else if (fence === undefined) {
      line = line.replace(/^ {4,}/, "   ");
    }
    lines.push(line);
  }
  if (fence !== undefined) lines.push(fence);
  return lines;
}

/** JSON text of a value, for doc comments (inline code), kept on one line and safe. */
export function jsonInline(value: unknown): string {
  return commentText(JSON.stringify(value) ?? "null");
}

/** Text on one comment line (line breaks become spaces). */
export function oneLine(text: string): string {
  return splitLines(text).map(commentText).join(" ").trim();
}
