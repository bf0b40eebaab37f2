/**
 * `lockstep watch`: generate, then again after every change under the schemas directory or to the
 * config (chokidar; debounced, so a save touching several files is one run). One line per run;
 * an error is shown and watching goes on. Stops on SIGINT/SIGTERM (exit 0) or when `signal` aborts.
 */
import { statSync } from "node:fs";
import { join, relative } from "node:path";
import { watch as chokidar } from "chokidar";
import { CONFIG_FILE, type Config } from "../config.js";
import { LockstepError } from "../errors.js";
import { generate, walkFiles } from "../generate.js";

export interface WatchOptions {
  /** Reads the config again: it may have changed between runs. */
  load(): { cwd: string; config: Config };
  toolVersion: string;
  debounceMs: number;
  /** Only runs that wrote something, and errors. */
  quiet: boolean;
  /** Test seam: stop watching (the CLI stops on a signal). */
  signal?: AbortSignal;
  print?: (line: string) => void;
}

const time = (): string => new Date().toTimeString().slice(0, 8);

/**
 * chokidar reads each file's baseline only after "ready", so an edit made in that moment looked
 * like no change and was never reported. Once it has settled, the files are compared with this
 * snapshot (size and modification time of each, taken when the first run starts).
 */
const SETTLE_MS = 300;

function snapshot(paths: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const add = (path: string): void => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isFile()) out.set(path, `${st.size}:${st.mtimeMs}`);
  };
  for (const path of paths) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walkFiles(path, () => true, add);
    else add(path);
  }
  return out;
}

/** Files added, removed or changed between two snapshots. */
function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const out = [...after].filter(([path, sig]) => before.get(path) !== sig).map(([path]) => path);
  return [...out, ...[...before.keys()].filter((path) => !after.has(path))];
}

export async function watch(options: WatchOptions): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const first = options.load();
  const watched = [first.config.schemas, first.config.file ?? join(first.cwd, CONFIG_FILE)];
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (why: string): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    try {
      const { cwd, config } = options.load();
      const result = await generate({ config, cwd, toolVersion: options.toolVersion });
      const written = result.reports.reduce((n, r) => n + r.written.length + r.removed.length, 0);
      const files = result.reports.reduce((n, r) => n + r.written.length + r.unchanged, 0);
      const ms = Math.round(performance.now() - started);
      const warn = result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}` : "";
      if (written > 0 || !options.quiet) print(`${time()} ${why}: ${written > 0 ? `${written} of ${files} files written` : `up to date (${files} files)`}${warn} in ${ms} ms`);
      for (const w of result.warnings) print(`  ${w.display}: warning: ${w.message} (at #${w.pointer})`);
    } catch (err) {
      const text = err instanceof LockstepError ? err.format() : err instanceof Error ? (err.stack ?? err.message) : String(err);
      const [head, ...rest] = text.split("\n");
      print(`${time()} ${why}: error: ${head}`);
      for (const line of rest) print(`  ${line}`);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await run("changed while generating");
    }
  };
  let changed = new Set<string>();
  // No awaitWriteFinish: the debounce already waits for the last event of a save, and a run that
  // read a half-written file is followed by the run its final write triggers.
  const watcher = chokidar(watched, { ignoreInitial: true });
  let dirs = new Set<string>();
  let events = 0;
  const onEvent = (event: string, path: string): void => {
    events++;
    // Files name a run; a directory only when nothing else changed (an empty entity directory).
    (event === "addDir" || event === "unlinkDir" ? dirs : changed).add(relative(first.cwd, path) || path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = changed.size > 0 ? [...changed] : [...dirs];
      changed = new Set();
      dirs = new Set();
      void run(files.length === 1 ? files[0]! : `${files[0]} and ${files.length - 1} more`);
    }, options.debounceMs);
  };
  watcher.on("all", onEvent);
  watcher.on("error", (err) => print(`${time()} watcher error: ${err instanceof Error ? err.message : String(err)}`));
  await new Promise<void>((resolveReady) => watcher.on("ready", () => resolveReady()));
  // Watching first, then the first run: an edit made while it runs is not missed.
  const before = snapshot(watched);
  await run("start");
  if (!options.quiet) print(`${time()} watching ${watched.map((p) => relative(first.cwd, p) || ".").join(", ")} (Ctrl-C to stop)`);
  const settled = setTimeout(() => {
    if (events === 0) for (const path of differences(before, snapshot(watched))) onEvent("change", path);
  }, SETTLE_MS);
  let done = (): void => undefined;
  await new Promise<void>((stop) => {
    done = stop;
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    options.signal?.addEventListener("abort", done, { once: true });
  });
  process.off("SIGINT", done);
  process.off("SIGTERM", done);
  clearTimeout(timer);
  clearTimeout(settled);
  await watcher.close();
}
