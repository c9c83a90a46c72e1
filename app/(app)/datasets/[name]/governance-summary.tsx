// The version's governance at a glance: what the scorecard reads (getGovernanceSummary).
import type { GovernanceJson } from "./governance-types";
import { SEVERITY_LABELS, formatRate } from "./governance-types";

const VERDICT_TONE = { compatible: "badge-ok", conflict: "badge-danger", unknown: "badge-warn" } as const;

export function GovernanceSummary({ summary }: { summary: GovernanceJson }) {
  const severities = ["critical", "high", "medium", "low", "info"] as const;
  return (
    <dl className="facts" data-testid="governance-summary">
      <div>
        <dt>Open findings</dt>
        <dd className="severity-counts">
          {severities.map((severity) => (
            <span key={severity} className={`severity severity-${severity}`} title={`${SEVERITY_LABELS[severity]}: open or confirmed`}>
              {SEVERITY_LABELS[severity]} {summary.openFindings[severity]}
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>License (intended use, through lineage)</dt>
        <dd>
          <span className={`badge ${VERDICT_TONE[summary.license.verdict]}`} data-testid="license-verdict">
            {summary.license.verdict}
          </span>
        </dd>
      </div>
      <div>
        <dt>Duplicate rate</dt>
        <dd>{formatRate(summary.duplicateRate)}</dd>
      </div>
      <div>
        <dt>Contamination</dt>
        <dd>{formatRate(summary.contaminationRate)}</dd>
      </div>
      <div>
        <dt>k-anonymity</dt>
        <dd data-testid="k-anonymity">{summary.kAnonymity ?? "—"}</dd>
      </div>
      <div>
        <dt>Provenance completeness</dt>
        <dd>{formatRate(summary.provenanceCompleteness)}</dd>
      </div>
    </dl>
  );
}
