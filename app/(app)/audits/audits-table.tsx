"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { formatDateTime } from "@/lib/format";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { ShieldIcon } from "../../_components/icons";
import { LoadFailed } from "../../_components/load-failed";
import { isActiveStatus, StatusBadge } from "../../_components/status-badge";
import { SearchFilter, SelectFilter } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";
import { AUDIT_KIND_LABELS, fmt, membershipVerdict, type AuditJson } from "./audit-types";

const column = createColumnHelper<AuditJson>();

const STATUS_OPTIONS = ["queued", "active", "completed", "failed", "cancelled"].map((value) => ({ value, label: value === "active" ? "Running" : value[0]!.toUpperCase() + value.slice(1) }));
const KIND_OPTIONS = Object.entries(AUDIT_KIND_LABELS).map(([value, label]) => ({ value, label }));

function headline(audit: AuditJson) {
  const r = audit.results;
  if (!r) return <span className="muted">—</span>;
  if ("auc" in r) {
    const verdict = membershipVerdict(r);
    return (
      <span>
        AUC {fmt(r.auc)} · ε<sub>lb</sub> {r.kind === "one_run_epsilon" ? `${fmt(r.epsilonLowerBound)} one-run` : `${fmt(r.certified?.epsilonLowerBound)} certified, ${fmt(r.epsilonLowerBound)} exploratory`}
        {r.kind === "one_run_epsilon" && verdict === "violated" ? <strong className="text-danger"> &gt; the retraining&apos;s ε {fmt(r.runEpsilon)}: claim refuted</strong> : null}
        {verdict === "evidence_only" ? <strong> &gt; claimed {fmt(r.claimedEpsilon)} (evidence, not a verdict)</strong> : null}
      </span>
    );
  }
  if (r.kind === "canary_exposure") return <span>mean exposure {fmt(r.meanExposure)} bits</span>;
  if (r.kind === "attribute_inference") return <span>advantage {fmt(r.members.advantage)}</span>;
  if (r.kind === "model_extraction") return <span>best fidelity {fmt(Math.max(...r.points.map((p) => p.fidelity)))}</span>;
  return <span>{r.reconstructions.length} reconstructions</span>;
}

const columns = [
  column.accessor("subject", {
    header: "Audited",
    cell: ({ row }) => (
      <div>
        <Link className="cell-primary" href={`/audits/${row.original.id}`}>
          {row.original.subject}
        </Link>
        <span className="cell-sub">{AUDIT_KIND_LABELS[row.original.kind]}</span>
      </div>
    ),
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
  column.display({ id: "headline", header: "Result", cell: ({ row }) => headline(row.original) }),
  column.accessor("createdBy", { header: "Started by", cell: ({ getValue }) => getValue().label }),
  column.accessor("createdAt", { header: "Started", cell: ({ getValue }) => formatDateTime(getValue()), meta: { className: "nowrap" } }),
];

export function AuditsTable() {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("page"), 1);
  const pageSize = intParam(get("pageSize"), 25);
  const kind = get("kind");
  const status = get("status");
  const model = get("model");

  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (kind) params.set("kind", kind);
    if (status) params.set("status", status);
    if (model) params.set("model", model);
    return `/api/v1/audits?${params}`;
  }, [page, pageSize, kind, status, model]);

  const { data, error, loading, reload } = useApiQuery<Page<AuditJson>>(url, {
    refreshMs: 2000,
    shouldPoll: (next) => next.items.some((audit) => isActiveStatus(audit.status)),
  });

  return (
    <DataTable
      label="Audits"
      noun="audits"
      columns={columns}
      {...serverPagingProps(data, page, pageSize, update)}
      loading={loading || isPending}
      getRowId={(row) => row.id}
      error={error ? <LoadFailed title="Audits could not be loaded" error={error} onRetry={reload} /> : null}
      empty={
        <EmptyState icon={<ShieldIcon size={24} />} title={kind || status || model ? "No audits match these filters" : "No audits yet"}>
          <p>Start one from a model version: membership inference, LiRA, the one-run ε audit, attribute inference, inversion, extraction or canary exposure, or upload a scores file.</p>
        </EmptyState>
      }
      toolbar={
        <>
          <SearchFilter label="Model" placeholder="Model name" value={model} onChange={(value) => update({ model: value || null })} />
          <SelectFilter label="Kind" allLabel="All kinds" value={kind} onChange={(value) => update({ kind: value })} options={KIND_OPTIONS} />
          <SelectFilter label="Status" allLabel="All statuses" value={status} onChange={(value) => update({ status: value })} options={STATUS_OPTIONS} />
        </>
      }
    />
  );
}
