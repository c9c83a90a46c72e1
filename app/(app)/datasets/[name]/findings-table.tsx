"use client";
// A version's findings, paged and filtered by the server (type, severity, status in the URL), masked;
// triage and unmask buttons only for the roles allowed.
import { createColumnHelper } from "@tanstack/react-table";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatDateTime } from "@/lib/format";
import { DataTable, serverPagingProps } from "../../../_components/data-table";
import { EmptyState } from "../../../_components/empty-state";
import { LoadFailed } from "../../../_components/load-failed";
import { SelectFilter, optionsOf } from "../../../_components/table-filters";
import { useApiQuery, type Page } from "../../../_components/use-api-query";
import { intParam, useUrlState } from "../../../_components/use-url-state";
import {
  FINDING_STATUS_LABELS,
  FINDING_TYPES,
  SEVERITY_LABELS,
  describeLocation,
  type FindingJson,
  type GovernanceAbilities,
} from "./governance-types";
import { TriageDialog } from "./triage-dialog";
import { UnmaskButton } from "./unmask-button";

const column = createColumnHelper<FindingJson>();
const TYPE_OPTIONS = FINDING_TYPES.map((type) => ({ value: type, label: type }));

interface Props {
  datasetVersionId: string;
  abilities: GovernanceAbilities;
  /** Poll while scans still run, so findings appear as batches land. */
  live: boolean;
}

export function FindingsTable({ datasetVersionId, abilities, live }: Props) {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("fpage"), 1);
  const pageSize = intParam(get("fsize"), 25);
  const type = get("ftype");
  const severity = get("fseverity");
  const status = get("fstatus");
  const [triaging, setTriaging] = useState<FindingJson | null>(null);

  const url = useMemo(() => {
    const params = new URLSearchParams({ datasetVersionId, page: String(page), pageSize: String(pageSize) });
    if (type) params.set("type", type);
    if (severity) params.set("severity", severity);
    if (status) params.set("status", status);
    return `/api/v1/findings?${params}`;
  }, [datasetVersionId, page, pageSize, type, severity, status]);
  const { data, error, loading, reload } = useApiQuery<Page<FindingJson>>(url, { refreshMs: 2000, shouldPoll: () => live });
  // When the last scan finishes, a poll already in flight may have read the findings just before: read once more.
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) reload();
    wasLive.current = live;
  }, [live, reload]);

  const columns = useMemo(
    () => [
      column.accessor("severity", {
        header: "Severity",
        cell: ({ getValue }) => <span className={`severity severity-${getValue()}`}>{SEVERITY_LABELS[getValue()]}</span>,
      }),
      column.accessor("type", { header: "Type", cell: ({ getValue }) => <span className="mono">{getValue()}</span> }),
      column.accessor("location", { header: "Where", cell: ({ getValue }) => describeLocation(getValue()) }),
      column.accessor("maskedSample", {
        header: "Sample",
        cell: ({ row, getValue }) => (
          <span className="sample-cell">
            <span className="mono" data-testid="masked-sample">{getValue() ?? "—"}</span>
            {abilities.unmask && row.original.scan.kind === "pii" ? <UnmaskButton findingId={row.original.id} /> : null}
          </span>
        ),
      }),
      column.accessor("status", {
        header: "Status",
        cell: ({ row, getValue }) => (
          <div>
            <span className="badge" data-testid="finding-status">{FINDING_STATUS_LABELS[getValue()]}</span>
            {row.original.triageReason ? (
              <span className="cell-sub" title={row.original.triageReason}>
                {row.original.triagedBy?.email ?? ""}: {row.original.triageReason}
              </span>
            ) : null}
          </div>
        ),
      }),
      column.accessor("createdAt", { header: "Found", cell: ({ getValue }) => formatDateTime(getValue()), meta: { className: "nowrap" } }),
      ...(abilities.triage
        ? [
            column.display({
              id: "actions",
              header: "",
              cell: ({ row }) => (
                <button type="button" className="btn btn-sm" onClick={() => setTriaging(row.original)}>
                  Triage
                </button>
              ),
            }),
          ]
        : []),
    ],
    [abilities.triage, abilities.unmask],
  );

  return (
    <>
      <DataTable
        label="Findings"
        noun="findings"
        columns={columns}
        {...serverPagingProps(data, page, pageSize, (changes) => update({ fpage: changes.page ?? null, fsize: changes.pageSize }))}
        loading={loading || isPending}
        getRowId={(row) => row.id}
        error={error ? <LoadFailed title="Findings could not be loaded" error={error} onRetry={reload} /> : null}
        empty={
          <EmptyState title={type || severity || status ? "No findings match these filters" : "No findings"}>
            <p>{live ? "Scans are still running; findings appear as they are found." : "The scans of this version found nothing to report."}</p>
          </EmptyState>
        }
        toolbar={
          <>
            <SelectFilter label="Type" allLabel="All types" value={type} onChange={(value) => update({ ftype: value, fpage: null })} options={TYPE_OPTIONS} />
            <SelectFilter label="Severity" allLabel="All severities" value={severity} onChange={(value) => update({ fseverity: value, fpage: null })} options={optionsOf(SEVERITY_LABELS)} />
            <SelectFilter label="Status" allLabel="All statuses" value={status} onChange={(value) => update({ fstatus: value, fpage: null })} options={optionsOf(FINDING_STATUS_LABELS)} />
          </>
        }
      />
      {abilities.triage ? (
        <TriageDialog
          finding={triaging}
          onClose={() => setTriaging(null)}
          onDone={() => {
            setTriaging(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
