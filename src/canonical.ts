/**
 * Canonical JSON, for comparing what a decoder/encoder wrote with what it read. As RFC 8785
 * (JCS): keys sorted by UTF-16 code units, no white space, strings as ECMAScript prints them, and
 * non-integral numbers in ECMAScript's shortest form. Unlike JCS, integral numbers below 1e21 are
 * printed exactly (not via a double), so 2^53 + 1 and int64 limits compare exactly.
 */

/** Canonical spelling of a JSON number literal. */
export function canonicalNumber(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new Error(`not a JSON number: ${text}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  const digits = (int! + frac).replace(/^0+(?=\d)/, "");
  const shift = Number(exp) - frac.length;
  const trimmed = digits.replace(/0+$/, "");
  const zerosAtEnd = digits.length - trimmed.length;
  const integral = shift >= 0 || zerosAtEnd >= -shift;
  if (integral && trimmed === "") return "0";
  if (integral && trimmed.length + zerosAtEnd + shift <= 21) {
    const value = shift >= 0 ? BigInt(digits) * 10n ** BigInt(shift) : BigInt(digits) / 10n ** BigInt(-shift);
    if (value < 10n ** 21n) return (sign === "-" ? "-" : "") + value.toString();
  }
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`number out of double range: ${text}`);
  return Object.is(n, -0) ? "0" : String(n);
}

interface Frame {
  /** Members of an object (key, canonical value), or items of an array. */
  entries: Array<[string, string]> | string[];
  object: boolean;
  key?: string;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Canonical form of a JSON text. Throws on invalid JSON and on a name repeated with different
 * values. One pass over the text without recursion or an intermediate value tree, so a 50 MB
 * document costs a few times its size, not lossless-json's tree of objects. `number` spells
 * each number literal (src/fingerprint.ts passes its own rule).
 */
export function canonicalize(text: string, number: (literal: string) => string = canonicalNumber): string {
  JSON.parse(text); // validates; the pass below assumes well-formed JSON
  const stack: Frame[] = [];
  let result: string | undefined;
  const emit = (value: string): void => {
    const top = stack[stack.length - 1];
    if (!top) result = value;
    else if (top.object) {
      (top.entries as Array<[string, string]>).push([top.key!, value]);
      top.key = undefined;
    } else (top.entries as string[]).push(value);
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 /* , */ || c === 58 /* : */) {
      i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push({ entries: [], object: c === 123 });
      i++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      const frame = stack.pop()!;
      emit(frame.object ? closeObject(frame.entries as Array<[string, string]>) : `[${(frame.entries as string[]).join(",")}]`);
      i++;
    } else if (c === 34 /* " */) {
      let end = i + 1;
      while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      const value = JSON.parse(text.slice(i, end + 1)) as string;
      i = end + 1;
      const top = stack[stack.length - 1];
      if (top?.object && top.key === undefined) top.key = value; // in an object, a string with no name pending is the name
      else emit(JSON.stringify(value));
    } else if (c === 116 /* t */ || c === 110 /* n */) {
      emit(c === 116 ? "true" : "null");
      i += 4;
    } else if (c === 102 /* f */) {
      emit("false");
      i += 5;
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text)!;
      emit(number(m[0]));
      i += m[0].length;
    }
  }
  return result!;
}

function closeObject(entries: Array<[string, string]>): string {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    if (i > 0 && entries[i - 1]![0] === key) {
      if (entries[i - 1]![1] !== value) throw new SyntaxError(`Duplicate key '${key}' encountered`);
      continue;
    }
    out.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${out.join(",")}}`;
}

/**
 * Canonical form of an already parsed value (a loaded schema file: depth-limited, names not
 * repeated), without reading its text again; the same string canonicalize gives for the text.
 * Undefined when an integer from 2^53 up to 1e21 is in it: parsing may have rounded it, and
 * canonicalize spells such integers exactly from the text. One string built as it goes (no list
 * of parts per object), keys in the default sort order, which is UTF-16 code-unit order.
 */
export function canonicalValue(value: unknown): string | undefined {
  const out = appendCanonical("", value);
  return out === NOT_EXACT ? undefined : out;
}

/** What appendCanonical returns when a value cannot be spelled exactly (not a JSON text). */
const NOT_EXACT = "\u0000";

function appendCanonical(out: string, value: unknown): string {
  if (value === null) return `${out}null`;
  switch (typeof value) {
    case "string":
      return out + JSON.stringify(value);
    case "boolean":
      return out + (value ? "true" : "false");
    case "number": {
      if (Number.isInteger(value) && Math.abs(value) >= 2 ** 53 && Math.abs(value) < 1e21) return NOT_EXACT;
      return out + (Object.is(value, -0) ? "0" : String(value));
    }
    case "object": {
      if (Array.isArray(value)) {
        out += "[";
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ",";
          out = appendCanonical(out, value[i]);
          if (out === NOT_EXACT) return out;
        }
        return `${out}]`;
      }
      const keys = sortKeys(Object.keys(value));
      out += "{";
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        out += `${i > 0 ? "," : ""}${JSON.stringify(k)}:`;
        out = appendCanonical(out, (value as Record<string, unknown>)[k]);
        if (out === NOT_EXACT) return out;
      }
      return `${out}}`;
    }
    default:
      return NOT_EXACT;
  }
}

/**
 * Keys in UTF-16 code-unit order. Objects mostly have a few keys: an insertion sort of those
 * allocates nothing, where Array.prototype.sort sets up its work space on every call.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/** True when two JSON texts have the same canonical form. */
export function sameJson(a: string, b: string): boolean {
  return canonicalize(a) === canonicalize(b);
}
