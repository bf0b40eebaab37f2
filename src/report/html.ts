/**
 * The report as one self-contained HTML file: inline CSS, no script, no external resource (the
 * Content-Security-Policy forbids fetching anything). Every text from a schema is escaped.
 */
import type { Finding } from "../lint/types.js";
import type { Cell, EntityReport, ReportData, Step, Verdict } from "./data.js";
import { hunks } from "./line-diff.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SYMBOL: Record<Verdict, string> = { same: "=", ok: "✓", degrades: "~", breaks: "✗" };
const WORDS: Record<Verdict, string> = { same: "same version", ok: "reads it", degrades: "reads it, a value may differ (or unproven)", breaks: "fails or loses data" };

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
header{padding:16px 24px;border-bottom:1px solid #d0d7de;background:#f6f8fa}
h1{margin:0 0 4px;font-size:22px} h2{margin:32px 0 8px;font-size:19px} h3{margin:20px 0 6px;font-size:15px}
main{padding:0 24px 48px;max-width:1200px}
nav a{margin-right:12px}
.legend span,.badge{display:inline-block;padding:1px 8px;border-radius:10px;margin-right:6px;font-size:12px}
table{border-collapse:collapse;margin:6px 0 12px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
table.matrix td{text-align:center;min-width:44px;font-weight:600}
.matrices{display:flex;flex-wrap:wrap;gap:20px}
.same{background:#eaeef2;color:#57606a}
.ok{background:#2da44e;color:#fff}
.degrades{background:#d4a72c;color:#1f2328}
.breaks{background:#cf222e;color:#fff}
.timeline{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:8px 0}
.version{border:1px solid #d0d7de;border-radius:6px;padding:4px 10px;background:#f6f8fa}
.arrow{color:#57606a}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#57606a}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
pre.diff{margin:0;padding:6px;background:#f6f8fa;border:1px solid #d0d7de;overflow:auto;max-height:480px}
.add{background:#dafbe1;display:block}.del{background:#ffebe9;display:block}.gap{color:#57606a;display:block}
details{margin:6px 0}
summary{cursor:pointer}
.muted{color:#57606a}
`;

export function renderHtml(data: ReportData, meta: { toolVersion: string; generatedAt: string }): string {
  const breaking = (e: EntityReport) => e.steps.filter((s) => s.findings.some((f) => f.severity === "error" && !f.suppressed)).length;
  const nav = data.entities.map((e) => `<a href="#entity-${esc(e.name)}">${esc(e.name)}</a>${breaking(e) > 0 ? `<span class="badge breaks">${breaking(e)} breaking</span>` : ""}`).join(" ");
  const legend = (Object.keys(SYMBOL) as Verdict[]).map((v) => `<span class="${v}">${SYMBOL[v]} ${esc(WORDS[v])}</span>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lockstep report</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>lockstep report</h1>
<div class="muted">lockstep ${esc(meta.toolVersion)} · ${esc(meta.generatedAt)} · mode ${esc(data.mode)} · ${data.entities.length} entities</div>
<nav>${nav}</nav>
<div class="legend">Compatibility: data written by the row's version, read by code (or a validator) built from the column's version. ${legend}</div>
</header>
<main>
${data.entities.map(entity).join("\n")}
${tests(data)}
</main>
</body>
</html>
`;
}

function entity(e: EntityReport): string {
  const timeline = e.versions.map((v, i) => {
    const step = e.steps[i - 1];
    const arrow = step ? `<span class="arrow" title="${esc(counts(step.findings))}">→ ${stepBadge(step)}</span>` : "";
    return `${arrow}<span class="version" id="${esc(`${e.name}-v${v.version}`)}">v${v.version}</span>`;
  }).join("");
  return `<section class="entity" id="entity-${esc(e.name)}" data-entity="${esc(e.name)}">
<h2>${esc(e.name)}</h2>
<div class="timeline">${timeline}</div>
<h3>Compatibility</h3>
<div class="matrices">${e.matrix.map((m) => matrix(e, m.reader, m.cells)).join("")}</div>
${e.versions.filter((v) => v.findings.length > 0).map((v) => `<h3>v${v.version} (${esc(v.file)})</h3>${findings(v.findings)}`).join("")}
${e.steps.map((s) => step(e, s)).join("\n")}
</section>`;
}

function stepBadge(s: Step): string {
  const errors = s.findings.filter((f) => f.severity === "error" && !f.suppressed).length;
  const warnings = s.findings.filter((f) => f.severity === "warning" && !f.suppressed).length;
  if (errors > 0) return `<span class="badge breaks">${errors} error${errors === 1 ? "" : "s"}</span>`;
  if (warnings > 0) return `<span class="badge degrades">${warnings} warning${warnings === 1 ? "" : "s"}</span>`;
  return `<span class="badge ok">compatible</span>`;
}

function counts(list: Finding[]): string {
  const by = (sev: string) => list.filter((f) => f.severity === sev && !f.suppressed).length;
  return `${by("error")} errors, ${by("warning")} warnings, ${by("info")} notes`;
}

function matrix(e: EntityReport, reader: string, cells: Cell[][]): string {
  const versions = cells.map((row) => row[0]!.writer);
  const head = `<tr><th>${esc(reader)}</th>${versions.map((v) => `<th>read by v${v}</th>`).join("")}</tr>`;
  const rows = cells.map((row) => `<tr><th>written by v${row[0]!.writer}</th>${row.map((c) => {
    const title = c.reasons.length > 0 ? c.reasons.join("\n") : WORDS[c.verdict];
    return `<td class="cell ${c.verdict}" data-writer="${c.writer}" data-reader="${c.reader}" data-verdict="${c.verdict}" title="${esc(title)}">${SYMBOL[c.verdict]}</td>`;
  }).join("")}</tr>`).join("");
  return `<table class="matrix" data-entity="${esc(e.name)}" data-target="${esc(reader)}">${head}${rows}</table>`;
}

function findings(list: Finding[]): string {
  if (list.length === 0) return `<p class="muted">No lint findings.</p>`;
  const rows = list.map((f) => `<tr><td class="sev-${esc(f.severity)}">${esc(f.suppressed ? `${f.severity} (allowed: ${f.suppressed.reason})` : f.severity)}</td><td><code>${esc(f.rule)}</code></td><td><code>${esc(`${f.location.file}:${f.location.line}:${f.location.column}`)}</code><br><code>${esc(f.pointer || "#")}</code></td><td>${esc(f.message)}</td></tr>`);
  return `<table class="findings"><tr><th>severity</th><th>rule</th><th>where</th><th>finding</th></tr>${rows.join("")}</table>`;
}

function step(e: EntityReport, s: Step): string {
  const changes = s.changes.length === 0
    ? `<p class="muted">No changes lockstep classifies.</p>`
    : `<ul>${s.changes.map((f) => `<li><code>${esc(f.pointer || "#")}</code> ${esc(f.message)} <span class="muted">(${esc(f.rule)}, ${esc(f.severity === "off" ? "compatible" : f.severity)})</span></li>`).join("")}</ul>`;
  const diff = s.diff === undefined
    ? `<p class="muted">The files are too large to show a line diff.</p>`
    : `<pre class="diff">${hunks(s.diff).map((l) => (l === null ? `<span class="gap">⋯</span>` : `<span class="${l.op === "+" ? "add" : l.op === "-" ? "del" : "ctx"}">${esc(`${l.op} ${l.text}`)}</span>`)).join(s.diff.length > 0 ? "" : "")}</pre>`;
  return `<div class="step" id="${esc(`${e.name}-v${s.from}-v${s.to}`)}">
<h3>v${s.from} → v${s.to} ${stepBadge(s)}</h3>
${findings(s.findings)}
<details><summary>Every change (${s.changes.length})</summary>${changes}</details>
<details${s.findings.some((f) => f.severity === "error") ? " open" : ""}><summary>Schema diff</summary>${diff}</details>
</div>`;
}

function tests(data: ReportData): string {
  if (!data.test) return `<h2>lockstep test</h2><p class="muted">No saved run: <code>lockstep test</code> saves its results for this report.</p>`;
  const t = data.test;
  const rows = t.rows.map((r) => `<tr><td>${esc(r.entity)}</td><td>${esc(r.language)}</td><td>${esc(r.check)}</td><td>${r.passed}</td><td class="${r.failed > 0 ? "breaks" : ""}">${r.failed}</td></tr>`).join("");
  const runs = t.runs.map((r) => `${esc(r.language)}: ${esc(r.status)}`).join(", ");
  return `<h2 id="tests">lockstep test <span class="badge ${t.ok ? "ok" : "breaks"}">${t.ok ? "passed" : "failed"}</span></h2>
<p class="muted">Last run ${esc(t.finishedAt)}; ${runs}</p>
<table class="tests"><tr><th>entity</th><th>language</th><th>check</th><th>passed</th><th>failed</th></tr>${rows}</table>`;
}
