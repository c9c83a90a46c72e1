// The scorecard's print view as one self-contained HTML document: the /scorecards/[id]/print page
// shows it and the PDF export prints it with headless Chromium, so both always say the same.
import type { ScorecardExport } from "./export-scorecard.ts";

const escape = (value: unknown): string =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const show = (value: unknown): string => (value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));

// Scoped to .scorecard-print so the page can embed it inside the app's own layout.
const STYLE = `
  .scorecard-print { font: 11px/1.45 system-ui, sans-serif; color: #1a1a1a; }
  .scorecard-print h1 { font-size: 20px; margin: 0 0 4px; } .scorecard-print h2 { font-size: 14px; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
  .scorecard-print table { border-collapse: collapse; width: 100%; } .scorecard-print th, .scorecard-print td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #e5e5e5; }
  .scorecard-print .mono { font-family: ui-monospace, monospace; font-size: 10px; word-break: break-all; }
  .scorecard-print .pass { color: #11683a; } .scorecard-print .fail { color: #b3261e; } .scorecard-print .missing { color: #8a5a00; }
  .scorecard-print .grade { font-size: 28px; font-weight: 700; } .scorecard-print .refs { color: #555; font-size: 10px; } .scorecard-print .note { color: #666; font-size: 10px; }
`;

/** The body of the print view (no <html>/<head>), for embedding in the page. */
export function renderPrintBody(doc: ScorecardExport): string {
  const guarantee = doc.model.guarantee;
  const criteria = doc.criteria
    .map(
      (c) => `<tr><td>${escape(c.id)}${c.required ? "" : " <span class=note>(optional)</span>"}</td><td class="${escape(c.status)}">${escape(c.status)}</td>
      <td>${escape(show(c.value))}</td><td>${escape(show(c.threshold))}</td><td>${escape(c.reason)}
      <div class=refs>NIST AI RMF: ${escape(c.frameworks.nistAiRmf.join("; "))}<br>ISO/IEC 42001: ${escape(c.frameworks.iso42001.join("; "))}<br>EU AI Act: ${escape(c.frameworks.euAiAct.join("; "))}</div></td></tr>`,
    )
    .join("");
  const approvals =
    doc.approvals.length === 0
      ? "<p>No decision on this snapshot.</p>"
      : `<table><tr><th>Decision</th><th>By</th><th>When</th><th>Comment</th><th>Counts</th></tr>${doc.approvals
          .map((a) => `<tr><td>${escape(a.decision)}</td><td>${escape(a.approver)}</td><td>${escape(a.decidedAt)}</td><td>${escape(a.comment)}</td><td>${a.counts ? "yes" : "no"}</td></tr>`)
          .join("")}</table>`;
  const hashes = doc.evidenceHashes as { audits?: { id: string; kind: string; resultsSha256: string }[]; datasets?: { id: string; role: string; sha256: string; triageSha256: string }[] };
  return `<div class="scorecard-print">
  <h1>Privacy scorecard: ${escape(doc.model.name)} v${escape(doc.model.version)}</h1>
  <div><span class="grade">${escape(doc.scorecard.grade)}</span> ${escape(doc.scorecard.verdict)} · sign-off: ${escape(doc.signOff.status)} · policy “${escape(doc.policy.name)}” v${escape(doc.policy.version)}</div>
  <div class=mono>snapshot ${escape(doc.scorecard.snapshotHash)} · computed ${escape(doc.scorecard.computedAt)} (${escape(doc.scorecard.reason)})</div>
  <h2>Differential-privacy guarantee</h2>
  <p data-testid="guarantee-scope"><strong>${escape(doc.model.guaranteeScope)}</strong></p>
  <p>${guarantee ? `Source: ${guarantee.source === "accountant" ? "computed by Canary's accountant for a run Canary executed" : "declared by the uploader, not verified"}. ε = ${escape(guarantee.epsilon)} at δ = ${escape(guarantee.delta)}, accountant ${escape(guarantee.accountant)}, σ = ${escape(show(guarantee.noiseMultiplier))}, q = ${escape(show(guarantee.sampleRate))}, steps ${escape(show(guarantee.steps))}, C = ${escape(show(guarantee.clipNorm))}` : "None declared."}</p>
  <h2>Verdict per criterion</h2>
  <table><tr><th>Criterion</th><th>Status</th><th>Value</th><th>Threshold</th><th>Reason and framework references</th></tr>${criteria}</table>
  <h2>Sign-off</h2>${approvals}
  <h2>Evidence hashes</h2>
  <table><tr><th>Item</th><th>sha256</th></tr>
  <tr><td>policy document</td><td class=mono>${escape(doc.policy.documentSha256)}</td></tr>
  <tr><td>model artifact</td><td class=mono>${escape(doc.model.artifactSha256)}</td></tr>
  ${(hashes.audits ?? []).map((a) => `<tr><td>audit ${escape(a.kind)} ${escape(a.id)}</td><td class=mono>${escape(a.resultsSha256)}</td></tr>`).join("")}
  ${(hashes.datasets ?? []).map((d) => `<tr><td>${escape(d.role)} dataset ${escape(d.id)} (content; findings triage)</td><td class=mono>${escape(d.sha256)}<br>${escape(d.triageSha256)}</td></tr>`).join("")}
  </table>
  <p class=note>${escape(doc.frameworkNote)} Exported ${escape(doc.exportedAt)} as ${escape(doc.schema)}.</p></div>`;
}

export function renderPrintHtml(doc: ScorecardExport): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scorecard ${escape(doc.model.name)} v${escape(doc.model.version)}</title><style>body { margin: 24px; }${STYLE}</style></head><body>${renderPrintBody(doc)}</body></html>`;
}

export const PRINT_STYLE = STYLE;
