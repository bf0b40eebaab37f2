/** Output formats by name. */
import type { LintResult } from "../engine.js";
import type { Format } from "../types.js";
import type { FormatContext } from "./common.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatText, type TextOptions } from "./text.js";

export { FORMATS, type Format } from "../types.js";

export function format(name: Format, result: LintResult, ctx: FormatContext, text: TextOptions = {}): string {
  switch (name) {
    case "text":
      return formatText(result, ctx, text);
    case "json":
      return formatJson(result, ctx);
    case "sarif":
      return formatSarif(result, ctx);
    case "github":
      return formatGithub(result);
    case "markdown":
      return formatMarkdown(result);
  }
}

export type { FormatContext };
