/**
 * One progress line for long runs (`lockstep test` compiling three toolchains, a corpus-size
 * `generate`), rewritten in place on stderr. Only on a terminal: nothing in CI (CI set), with -q,
 * or when stderr is a pipe or file; and only once a run has taken long enough to be worth it.
 */

export interface Progress {
  /** What is happening now ("compiling rust"); `done` of `total` when known. */
  step(label: string, done?: number, total?: number): void;
  /** Clears the line (before the command prints its result). */
  end(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  stream?: { isTTY?: boolean; columns?: number; write(s: string): unknown };
  env?: NodeJS.ProcessEnv;
  /** No line before this many milliseconds: a fast run prints nothing. */
  delayMs?: number;
  now?: () => number;
}

const SILENT: Progress = { step: () => undefined, end: () => undefined };

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

export function progress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY || inCi(options.env)) return SILENT;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const delay = options.delayMs ?? 300;
  let shown = false;
  return {
    step(label, done, total) {
      const elapsed = now() - started;
      if (elapsed < delay) return;
      const count = done !== undefined && total !== undefined ? ` ${done}/${total}` : "";
      const line = `lockstep: ${label}${count} (${(elapsed / 1000).toFixed(1)}s)`;
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      shown = true;
    },
    end() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
