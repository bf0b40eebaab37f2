/**
 * --format sarif: SARIF 2.1.0 for code scanning. One run; the rules of the registry with their
 * default levels; results with the new side as location, the old side as a related location,
 * stable partial fingerprints (rule, entity, pointer, subject: never the message) and suppressions.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { LintResult } from "../engine.js";
import { RULES } from "../rules/index.js";
import type { Finding, FindingLocation, Severity } from "../types.js";
import type { FormatContext } from "./common.js";

const LEVEL: Record<Severity, "error" | "warning" | "note" | "none"> = { error: "error", warning: "warning", info: "note", off: "none" };

/** A file shown as `<ref>:<path>` lives at a git revision: the uri is the path, the ref goes in the message. */
function artifact(loc: FindingLocation): { uri: string; ref?: string } {
  const path = loc.ref !== undefined ? loc.file.slice(loc.ref.length + 1) : loc.file;
  const uri = path.split(/[\\/]/).map(encodeURIComponent).join("/");
  return { uri, ...(loc.ref !== undefined ? { ref: loc.ref } : {}) };
}

function physical(loc: FindingLocation) {
  return {
    artifactLocation: { uri: artifact(loc).uri, uriBaseId: "%SRCROOT%" },
    region: { startLine: loc.line, startColumn: loc.column },
  };
}

function fingerprint(f: Finding): string {
  return createHash("sha256").update([f.rule, f.entity, f.location.rel, f.pointer, f.subject ?? ""].join("\0")).digest("hex").slice(0, 32);
}

export function sarifLog(result: LintResult, ctx: FormatContext) {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.meta.description },
    help: { text: `${r.meta.description} See docs/rules/${r.meta.id}.md.`, markdown: `${r.meta.description} See [docs/rules/${r.meta.id}.md](docs/rules/${r.meta.id}.md).` },
    defaultConfiguration: { level: LEVEL[r.meta.severity], enabled: r.meta.severity !== "off" },
    properties: { tags: ["compatibility", ...r.meta.breaks], targets: r.meta.targets },
  }));
  const results = result.findings.map((f) => {
    const related = f.old
      ? [{ id: 1, physicalLocation: physical(f.old), message: { text: `${f.from !== undefined ? `v${f.from}` : "old version"}${artifact(f.old).ref ? ` at ${artifact(f.old).ref}` : ""}` } }]
      : [];
    return {
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
      level: LEVEL[f.severity],
      message: { text: `${f.pointer || "#"}: ${f.message}` },
      locations: [{ physicalLocation: physical(f.location), logicalLocations: [{ fullyQualifiedName: `${f.entity}#${f.pointer}`, kind: "member" }] }],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      partialFingerprints: { "lockstepFinding/v1": fingerprint(f) },
      ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.kind, status: "accepted", justification: f.suppressed.reason }] } : {}),
      properties: {
        entity: f.entity,
        ...(f.from !== undefined ? { from: f.from } : {}),
        ...(f.to !== undefined ? { to: f.to } : {}),
        pointer: f.pointer,
        impacts: f.impacts,
      },
    };
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "lockstep", semanticVersion: ctx.toolVersion, version: ctx.toolVersion, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(ctx.cwd.endsWith("/") ? ctx.cwd : `${ctx.cwd}/`).href } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

export function formatSarif(result: LintResult, ctx: FormatContext): string {
  return `${JSON.stringify(sarifLog(result, ctx), null, 2)}\n`;
}
