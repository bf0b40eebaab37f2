/**
 * The fixed part of the generated round-trip harness (lockstep.roundtrip.test.ts), after the
 * imports and the CODECS table that harness.ts writes. Same checks and emit mode as the Rust and
 * Go harnesses. No template literals or `${` inside, so String.raw keeps it verbatim.
 */
export const HARNESS_DOC = [
  "// Round-trip tests for node --test: every fixture is decoded with the generated types, encoded",
  "// again, and compared with the input as canonical JSON (object key order ignored; integers",
  "// exactly whatever their size, other numbers as doubles, so 2.0 equals 2).",
  "//",
  "// Fixtures: <fixtures>/<entity>/v<N>/<name>.json, where <fixtures> is LOCKSTEP_FIXTURES (an",
  "// absolute path) or else FIXTURES below, relative to this file. future-* fixtures hold data a newer",
  "// version could write (unknown enum values, unknown union tags): readers must keep it.",
  "//",
  "// Checks, one subtest per entity each:",
  "//   - roundtrip: each version's types re-encode that version's fixtures exactly.",
  "//   - new-reads-old: the newest types decode and encode every older version's fixtures",
  "//     (future-* aside); no equality required, since defaults may be added.",
  "//   - old-reads-new: the previous version's types, where generated, re-encode the newest",
  "//     version's fixtures exactly: nothing unknown is lost.",
  "//",
  "// Emit mode: with LOCKSTEP_OUT set (a directory), each result is also written as one line of",
  "// $LOCKSTEP_OUT/results.jsonl (replaced by each run): {\"check\", \"fixture\": \"<entity>/v<N>/<name>.json\",",
  "// \"output\": the re-encoding} or, when it failed, {\"check\", \"fixture\", \"error\"}.",
  "// Type-checking this file needs @types/node; the generated types themselves do not.",
];

export const HARNESS_BODY = String.raw`interface Fixture {
  /** <entity>/v<N>/<name>.json, relative to the fixtures directory. */
  rel: string;
  path: string;
  future: boolean;
  /** lenient-<name>.json: <name>.json with integers read leniently; it must re-encode to <name>.json. */
  expected: string;
}

/**
 * This file's path, from the V8 call site of this function: works whether the file runs as an ES
 * module or as CommonJS (import.meta is a syntax error in CommonJS, __dirname undefined in ESM).
 */
function thisFile(): string {
  const prepare = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, sites) => sites;
    const sites = new Error().stack as unknown as NodeJS.CallSite[];
    const name = sites[0]?.getFileName() ?? "";
    return name.startsWith("file:") ? fileURLToPath(name) : name;
  } finally {
    Error.prepareStackTrace = prepare;
  }
}

function fixturesRoot(): string {
  const dir = process.env["LOCKSTEP_FIXTURES"] ?? resolve(dirname(thisFile()), FIXTURES);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error("fixtures directory " + dir + " not found (LOCKSTEP_FIXTURES can give its absolute path)");
  }
  return dir;
}

/** The fixtures of one entity version in name order; a missing directory has none. */
function list(root: string, entity: string, version: number): Fixture[] {
  const rel = entity + "/v" + String(version);
  const dir = join(root, rel);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && name !== ".json" && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ rel: rel + "/" + name, path: join(dir, name), future: name.startsWith("future-"), expected: join(dir, name.replace(/^lenient-/, "")) }));
}

function entities(): string[] {
  return [...new Set(CODECS.map((c) => c.entity))].sort();
}

function newest(entity: string): number {
  return Math.max(...CODECS.filter((c) => c.entity === entity).map((c) => c.version));
}

function codecFor(entity: string, version: number): Codec | undefined {
  return CODECS.find((c) => c.entity === entity && c.version === version);
}

/** The results file in emit mode, opened (and emptied) by the first result. */
let results: number | undefined;

/** Writes a result in emit mode: the re-encoding, or the error. */
function emit(check: string, fixture: Fixture, output: string | undefined, failure: string | undefined): void {
  const out = process.env["LOCKSTEP_OUT"];
  if (out === undefined || out === "") return;
  if (results === undefined) {
    mkdirSync(out, { recursive: true });
    results = openSync(join(out, "results.jsonl"), "w");
  }
  const line = failure === undefined ? { check, fixture: fixture.rel, output: output ?? "" } : { check, fixture: fixture.rel, error: failure };
  writeSync(results, JSON.stringify(line) + "\n");
}

/** Passes every fixture through codec; returns one line per failure. */
function runCheck(check: string, codec: Codec, fixtures: readonly Fixture[], compare: boolean): string[] {
  const failures: string[] = [];
  for (const fixture of fixtures) {
    const input = readFileSync(fixture.path, "utf8");
    let output: string;
    try {
      output = codec.recode(input);
    } catch (e) {
      const message = e instanceof Error ? e.name + ": " + e.message : String(e);
      emit(check, fixture, undefined, message);
      failures.push(fixture.rel + ": " + message);
      continue;
    }
    emit(check, fixture, output, undefined);
    if (!compare) continue;
    const want = fixture.expected === fixture.path ? input : readFileSync(fixture.expected, "utf8");
    const difference = diff(rt.parseJson(want), rt.parseJson(output), "");
    if (difference !== undefined) failures.push(fixture.rel + ": the re-encoding differs: " + difference);
  }
  return failures;
}

function expectNone(failures: readonly string[]): void {
  if (failures.length > 0) throw new Error(String(failures.length) + " fixture(s) failed:\n" + failures.join("\n"));
}

test("roundtrip", async (t) => {
  const root = fixturesRoot();
  for (const entity of entities()) {
    await t.test(entity, () => {
      const codecs = CODECS.filter((c) => c.entity === entity);
      expectNone(codecs.flatMap((c) => runCheck("roundtrip", c, list(root, entity, c.version), true)));
    });
  }
});

test("new-reads-old", async (t) => {
  const root = fixturesRoot();
  for (const entity of entities()) {
    await t.test(entity, () => {
      const last = newest(entity);
      const codec = codecFor(entity, last);
      if (codec === undefined) return;
      const failures: string[] = [];
      for (let version = 1; version < last; version++) {
        failures.push(...runCheck("new-reads-old", codec, list(root, entity, version).filter((f) => !f.future), false));
      }
      expectNone(failures);
    });
  }
});

test("old-reads-new", async (t) => {
  const root = fixturesRoot();
  for (const entity of entities()) {
    await t.test(entity, (st) => {
      const last = newest(entity);
      const previous = codecFor(entity, last - 1);
      if (previous === undefined) {
        st.skip("no types for " + entity + " v" + String(last - 1) + " here");
        return;
      }
      expectNone(runCheck("old-reads-new", previous, list(root, entity, last).filter((f) => f.expected === f.path), true));
    });
  }
});

/** The first difference between two JSON values, at its JSON pointer; undefined when equal. */
function diff(want: rt.JsonValue, got: rt.JsonValue, at: string): string | undefined {
  const where = at === "" ? "/" : at;
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return where + ": expected " + show(want) + ", got " + show(got);
    if (want.length !== got.length) return where + ": expected " + String(want.length) + " items, got " + String(got.length);
    for (let i = 0; i < want.length; i++) {
      const d = diff(want[i] ?? null, got[i] ?? null, at + "/" + String(i));
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isObject(want)) {
    if (!isObject(got)) return where + ": expected " + show(want) + ", got " + show(got);
    for (const key of Object.keys(want).sort()) {
      const w = rt.get(want, key) ?? null;
      const g = rt.get(got, key);
      if (g === undefined) return rt.child(at, key) + ": missing (expected " + show(w) + ")";
      const d = diff(w, g, rt.child(at, key));
      if (d !== undefined) return d;
    }
    for (const key of Object.keys(got).sort()) {
      if (rt.get(want, key) === undefined) return rt.child(at, key) + ": unexpected " + show(rt.get(got, key) ?? null);
    }
    return undefined;
  }
  return sameScalar(want, got) ? undefined : where + ": expected " + show(want) + ", got " + show(got);
}

function isObject(value: rt.JsonValue): value is rt.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Scalars by value: an integral double equals the bigint of the same integer. */
function sameScalar(a: rt.JsonValue, b: rt.JsonValue): boolean {
  if (typeof a === "bigint" && typeof b === "number") return Number.isInteger(b) && BigInt(b) === a;
  if (typeof a === "number" && typeof b === "bigint") return Number.isInteger(a) && BigInt(a) === b;
  return a === b;
}

function show(value: rt.JsonValue): string {
  const text = rt.stringifyJson(value);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}
`;
