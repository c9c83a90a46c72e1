// The governance cards of one ready version: summary and scans, findings, what the scans found
// (columns, duplicates, re-identification), license verdicts and the lineage graph.
import type { ReactNode } from "react";
import { ColumnClassification } from "./column-classification";
import { DuplicatesPanel } from "./duplicates-panel";
import { FindingsTable } from "./findings-table";
import { GovernanceSummary } from "./governance-summary";
import type { GovernanceAbilities } from "./governance-types";
import { LicenseVerdicts } from "./license-verdicts";
import { LineageGraph } from "./lineage-graph";
import type { VersionGovernance } from "./load-governance";
import { ReidPanel } from "./reid-panel";
import { ScansPanel } from "./scans-panel";

interface Props {
  datasetName: string;
  version: { id: string; version: number };
  intendedUse: string;
  columns: string[];
  otherVersions: { id: string; label: string }[];
  governance: VersionGovernance;
  abilities: GovernanceAbilities;
  scansRunning: boolean;
}

function Card({ id, title, description, children, flush }: { id: string; title: string; description?: string; children: ReactNode; flush?: boolean }) {
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <div className="card-header">
        <div>
          <h2 id={id}>{title}</h2>
          {description ? <p>{description}</p> : null}
        </div>
      </div>
      <div className={flush ? "card-body flush" : "card-body"}>{children}</div>
    </section>
  );
}

export function VersionGovernanceCards({ datasetName, version, intendedUse, columns, otherVersions, governance, abilities, scansRunning }: Props) {
  const versionUrl = `/api/v1/datasets/${encodeURIComponent(datasetName)}/versions/${version.version}`;
  const { latest } = governance;
  const piiColumns = (latest.pii?.summary?.columns ?? []) as Parameters<typeof ColumnClassification>[0]["columns"];
  return (
    <>
      <div className="grid-2">
        <Card id="governance-title" title={`Governance · v${version.version}`} description="What the scorecard reads: open findings, license, duplicates, contamination, k.">
          <GovernanceSummary summary={governance.summary} />
        </Card>
        <Card id="scans-title" title="Scans" description="Every new version is scanned for personal data, duplicates, re-identification risk and license conflicts.">
          <ScansPanel scans={governance.scans} scansUrl={`${versionUrl}/scans`} abilities={abilities} otherVersions={otherVersions} />
        </Card>
      </div>
      <Card id="findings-title" title="Findings" description="Masked samples only; triage records a status and a reason in the audit log." flush>
        <FindingsTable datasetVersionId={version.id} abilities={abilities} live={scansRunning} />
      </Card>
      <div className="grid-2">
        <Card id="classification-title" title="Column classification" description="Columns holding personal data, from the latest PII scan." flush>
          {latest.pii ? <ColumnClassification columns={piiColumns} /> : <p className="muted card-body">No PII scan has completed yet.</p>}
        </Card>
        <Card id="duplicates-title" title="Duplicates" description="Exact and near duplicates (MinHash/LSH, verified Jaccard); pick a pair to compare.">
          {latest.duplicates?.summary ? (
            <DuplicatesPanel summary={latest.duplicates.summary as unknown as Parameters<typeof DuplicatesPanel>[0]["summary"]} versionUrl={versionUrl} />
          ) : (
            <p className="muted">No duplicates scan has completed yet.</p>
          )}
        </Card>
      </div>
      <Card id="reid-title" title="Re-identification risk" description="k-anonymity over quasi-identifiers, and generalisations that would raise it.">
        <ReidPanel
          key={latest.reid?.id ?? "none"}
          summary={(latest.reid?.summary ?? null) as Parameters<typeof ReidPanel>[0]["summary"]}
          columns={columns}
          scansUrl={`${versionUrl}/scans`}
          abilities={abilities}
        />
      </Card>
      <div className="grid-2">
        <Card id="license-title" title="License by use" description="Each verdict carries the licenses of every ancestor version." flush>
          <LicenseVerdicts verdicts={governance.verdicts} intendedUse={intendedUse} />
        </Card>
        <Card id="lineage-title" title="Lineage" description="Click a version to walk to its parents or children.">
          <div className="lineage-scroll">
            <LineageGraph lineage={governance.lineage} />
          </div>
        </Card>
      </div>
    </>
  );
}
