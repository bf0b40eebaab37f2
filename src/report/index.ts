/** `lockstep report`: the data (data.ts) printed as one HTML file (html.ts). */
import type { Config } from "../config.js";
import { cacheDir } from "../testing/run.js";
import { readTestSummary } from "../testing/summary.js";
import { collect } from "./data.js";
import { renderHtml } from "./html.js";

export interface ReportResult {
  text: string;
  entities: number;
  /** Steps with an error finding. */
  breaking: number;
}

export function buildReport(options: { config: Config; cwd: string; toolVersion: string; now?: Date }): ReportResult {
  const data = collect(options.config, options.cwd, readTestSummary(cacheDir(options.cwd)));
  const text = renderHtml(data, { toolVersion: options.toolVersion, generatedAt: (options.now ?? new Date()).toISOString() });
  const breaking = data.entities.reduce((n, e) => n + e.steps.filter((s) => s.findings.some((f) => f.severity === "error" && !f.suppressed)).length, 0);
  return { text, entities: data.entities.length, breaking };
}
