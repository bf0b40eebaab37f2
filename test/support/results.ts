/**
 * What a harness wrote in emit mode (LOCKSTEP_OUT/results.jsonl), as one entry per result:
 * `<check>/<entity>/v<N>/<name>.json` holding the re-encoding, or `.error.txt` holding the error.
 */
import { readEmitted } from "../../src/testing/compare.js";

export function results(out: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, result] of readEmitted(out)) {
    if (result.error !== undefined) map.set(key.replace(/\.json$/, ".error.txt"), result.error);
    else map.set(key, result.json!);
  }
  return map;
}
