import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { toSerialized } from "@/lib/api";
import { principalCan } from "@/lib/auth";
import { getDatasetByName } from "@/lib/datasets";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { CONSENT_BASIS_LABELS, INTENDED_USE_LABELS, formatDate, formatDateTime, labelOf } from "@/lib/format";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import type { DatasetDetail } from "../../../_components/api-types";
import { AutoRefresh } from "../../../_components/auto-refresh";
import { UploadIcon } from "../../../_components/icons";
import { PageHeader } from "../../../_components/page-header";
import { isActiveStatus } from "../../../_components/status-badge";
import { BudgetPanel } from "./budget-panel";
import { ColumnSchema } from "./column-schema";
import { columnsOf } from "./columns-of";
import { loadGovernance, type VersionGovernance } from "./load-governance";
import { VersionGovernanceCards } from "./version-governance";
import { UploadPanel } from "./upload-panel";
import { VersionsTable } from "./versions-table";

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeURIComponent(name) };
}

function period(start: string | null, end: string | null): string {
  if (!start && !end) return "—";
  return `${start ? formatDate(start) : "…"} – ${end ? formatDate(end) : "ongoing"}`;
}

export default async function DatasetPage({ params, searchParams }: Props) {
  const principal = await requirePagePermission("datasets.read");
  const { name } = await params;
  const query = await searchParams;

  let dataset: DatasetDetail;
  try {
    dataset = toSerialized(await getDatasetByName(getDb(), decodeURIComponent(name)));
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }

  const canUpload = principalCan(principal, "datasets.upload");
  const versions = [...dataset.versions].sort((a, b) => b.version - a.version);
  const requested = Number(Array.isArray(query.version) ? query.version[0] : query.version);
  const selected =
    versions.find((v) => v.version === requested) ?? versions.find((v) => v.status === "ready") ?? versions[0] ?? null;
  const canReadFindings = principalCan(principal, "findings.read");
  const governance: VersionGovernance | null =
    selected?.status === "ready" && canReadFindings ? await loadGovernance(getDb(), selected.id) : null;
  const scansRunning = governance?.scans.some((scan) => isActiveStatus(scan.status)) ?? false;
  const anyActive = versions.some((v) => isActiveStatus(v.status)) || scansRunning;
  const abilities = {
    runScans: principalCan(principal, "scans.run"),
    cancelJobs: principalCan(principal, "jobs.cancel"),
    // The server decides per finding (owner or compliance); the button shows for those who might.
    triage: principalCan(principal, "findings.triage") && (principal.roles.some((r) => r === "admin" || r === "compliance_officer") || dataset.owner?.email === principal.email),
    unmask: principalCan(principal, "pii.unmasked"),
  };

  return (
    <>
      <AutoRefresh active={anyActive} />
      <PageHeader
        breadcrumbs={[{ href: "/datasets", label: "Datasets" }]}
        title={<span className="mono" style={{ fontSize: 22 }}>{dataset.name}</span>}
        description={dataset.description || undefined}
        actions={
          canUpload ? (
            <a href="#upload" className="btn btn-primary">
              <UploadIcon size={16} /> Upload version
            </a>
          ) : null
        }
      />
      <div className="stack">
        <div className={canUpload ? "grid-main-side" : undefined}>
          <section className="card" aria-labelledby="provenance">
            <div className="card-header">
              <div>
                <h2 id="provenance">Provenance</h2>
                <p>Where the data comes from and the terms it may be used on. Recorded at registration.</p>
              </div>
            </div>
            <div className="card-body">
              <dl className="facts" data-testid="provenance">
                <div>
                  <dt>Source</dt>
                  <dd>{dataset.source}</dd>
                </div>
                <div>
                  <dt>Collection method</dt>
                  <dd>{dataset.collectionMethod}</dd>
                </div>
                <div>
                  <dt>Consent basis</dt>
                  <dd>{labelOf(CONSENT_BASIS_LABELS, dataset.consentBasis)}</dd>
                </div>
                <div>
                  <dt>License</dt>
                  <dd>
                    <code className="chip">{dataset.licenseExpression}</code>
                  </dd>
                </div>
                <div>
                  <dt>Intended use</dt>
                  <dd>{labelOf(INTENDED_USE_LABELS, dataset.intendedUse)}</dd>
                </div>
                <div>
                  <dt>Owner</dt>
                  <dd>
                    {dataset.owner ? (
                      <>
                        {dataset.owner.name || dataset.owner.email}
                        {dataset.owner.name ? <span className="sub">{dataset.owner.email}</span> : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Collection period</dt>
                  <dd>{period(dataset.collectionPeriodStart, dataset.collectionPeriodEnd)}</dd>
                </div>
                <div>
                  <dt>Retention</dt>
                  <dd>{dataset.retention || <span className="faint">Not set</span>}</dd>
                </div>
                <div>
                  <dt>Registered</dt>
                  <dd>{formatDateTime(dataset.createdAt)}</dd>
                </div>
              </dl>
            </div>
          </section>

          {canUpload ? (
            <section className="card" id="upload" aria-labelledby="upload-title">
              <div className="card-header">
                <div>
                  <h2 id="upload-title">Upload a new version</h2>
                  <p>Versions are immutable; identical content is detected by its SHA-256.</p>
                </div>
              </div>
              <div className="card-body">
                <UploadPanel datasetName={dataset.name} versions={versions} />
              </div>
            </section>
          ) : null}
        </div>

        <section aria-labelledby="versions-title">
          <div className="section-title">
            <h2 id="versions-title">Versions</h2>
            <span className="muted">{versions.length === 1 ? "1 version" : `${versions.length} versions`}</span>
          </div>
          <VersionsTable
            datasetName={dataset.name}
            versions={versions}
            selectedVersion={selected?.version ?? null}
            canUpload={canUpload}
          />
        </section>

        {selected ? (
          <section className="card" aria-labelledby="schema-title" data-testid="column-schema">
            <div className="card-header">
              <div>
                <h2 id="schema-title">Column schema · v{selected.version}</h2>
                <p>
                  {selected.status === "ready"
                    ? "Inferred during ingestion. Pick another version in the table to compare."
                    : selected.status === "failed"
                      ? "This version failed ingestion, so no schema was inferred."
                      : "The schema appears once ingestion finishes."}
                </p>
              </div>
            </div>
            <div className="card-body flush">
              <ColumnSchema schema={selected.status === "ready" ? selected.columnSchema : null} />
            </div>
          </section>
        ) : null}

        {selected ? (
          <BudgetPanel
            datasetName={dataset.name}
            version={selected.version}
            canSet={principalCan(principal, "budgets.write") && (dataset.owner?.email === principal.email || principal.roles.includes("admin") || principal.roles.includes("compliance_officer"))}
            canAllowNonPrivate={principalCan(principal, "budgets.allow_non_private") && dataset.owner?.email !== principal.email}
          />
        ) : null}

        {selected && governance ? (
          <VersionGovernanceCards
            datasetName={dataset.name}
            version={selected}
            intendedUse={dataset.intendedUse}
            columns={(columnsOf(selected.columnSchema) ?? []).map((c) => c.name)}
            otherVersions={versions.filter((v) => v.id !== selected.id && v.status === "ready").map((v) => ({ id: v.id, label: `v${v.version} · ${v.originalFilename}` }))}
            governance={governance}
            abilities={abilities}
            scansRunning={scansRunning}
          />
        ) : null}
      </div>
    </>
  );
}
