"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useCallback, useMemo, useRef } from "react";
import { formatDateTime } from "@/lib/format";
import type { AuditLogEntryView } from "../../_components/api-types";
import { HashValue } from "../../_components/copy-button";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { LoadFailed } from "../../_components/load-failed";
import { ScrollIcon } from "../../_components/icons";
import { SearchFilter, SelectFilter } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";

const column = createColumnHelper<AuditLogEntryView>();

// Filters match exactly, so the inputs suggest values: these, plus every value seen while browsing.
const KNOWN_ACTIONS = ["auth.sign_in", "dataset.register", "dataset_version.upload", "api_token.create", "api_token.revoke"];
const KNOWN_TARGET_TYPES = ["dataset", "dataset_version", "user", "api_token"];

/** Adds the values of `key` on this page to what was seen before; stable order, no duplicates. */
function useSeen(items: AuditLogEntryView[] | undefined, key: "action" | "targetType", initial: readonly string[]): string[] {
  const seen = useRef(new Set<string>(initial));
  for (const item of items ?? []) seen.current.add(item[key]);
  return Array.from(seen.current).sort();
}

function Details({ value }: { value: unknown }) {
  if (value === null || value === undefined || (typeof value === "object" && Object.keys(value as object).length === 0)) {
    return <span className="faint">—</span>;
  }
  const text = JSON.stringify(value, null, 2);
  if (text.length <= 60) return <code>{JSON.stringify(value)}</code>;
  return (
    <details className="inline">
      <summary>{Object.keys(value as object).length} fields</summary>
      <pre className="json">{text}</pre>
    </details>
  );
}

const columns = [
  column.accessor("seq", {
    header: "#",
    cell: ({ getValue }) => <span className="mono">{getValue()}</span>,
    meta: { align: "right" },
  }),
  column.accessor("createdAt", {
    header: "Time",
    cell: ({ getValue }) => formatDateTime(getValue()),
    meta: { className: "nowrap" },
  }),
  column.accessor("actorLabel", {
    header: "Actor",
    cell: ({ getValue }) => (
      <span className="truncate-wide" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor("action", {
    header: "Action",
    cell: ({ getValue }) => <code className="chip chip-full">{getValue()}</code>,
  }),
  column.accessor((row) => `${row.targetType}:${row.targetId}`, {
    id: "target",
    header: "Target",
    cell: ({ row }) => (
      <div>
        <span>{row.original.targetType.replaceAll("_", " ")}</span>
        <span className="cell-sub mono" title={row.original.targetId}>
          {row.original.targetId}
        </span>
      </div>
    ),
  }),
  column.accessor("details", {
    header: "Details",
    cell: ({ getValue }) => <Details value={getValue()} />,
  }),
  column.accessor("hash", {
    header: "Hash",
    cell: ({ row }) => (
      <span title={`previous: ${row.original.prevHash}`}>
        <HashValue value={row.original.hash} length={10} />
      </span>
    ),
  }),
];

export function AuditLogTable() {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("page"), 1);
  const pageSize = intParam(get("pageSize"), 50);
  const action = get("action");
  const actor = get("actor");
  const targetType = get("targetType");
  const filtered = Boolean(action || actor || targetType);

  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (action) params.set("action", action);
    if (actor) params.set("actor", actor);
    if (targetType) params.set("targetType", targetType);
    return `/api/v1/audit-log?${params}`;
  }, [page, pageSize, action, actor, targetType]);

  const { data, error, loading, reload } = useApiQuery<Page<AuditLogEntryView>>(url);
  const onAction = useCallback((value: string | undefined) => update({ action: value }), [update]);
  const onActor = useCallback((value: string | undefined) => update({ actor: value }), [update]);
  const actions = useSeen(data?.items, "action", KNOWN_ACTIONS);
  const targetOptions = useSeen(data?.items, "targetType", [...KNOWN_TARGET_TYPES, ...(targetType ? [targetType] : [])]).map(
    (value) => ({ value, label: value.replaceAll("_", " ") }),
  );

  return (
    <DataTable
      label="Audit log"
      noun="entries"
      columns={columns}
      {...serverPagingProps(data, page, pageSize, update)}
      loading={loading || isPending}
      getRowId={(row) => row.seq}
      error={
        error ? (
          <LoadFailed title="The audit log could not be loaded" error={error} onRetry={reload} />
        ) : null
      }
      empty={
        <EmptyState icon={<ScrollIcon size={24} />} title={filtered ? "No entries match these filters" : "The audit log is empty"}>
          <p>{filtered ? "Loosen the filters to see more entries." : "Entries appear as soon as anything changes."}</p>
        </EmptyState>
      }
      toolbar={
        <>
          <SearchFilter
            value={action}
            onChange={onAction}
            placeholder="Exact action, e.g. dataset.register"
            label="Filter by action"
            suggestions={actions}
          />
          <SearchFilter value={actor} onChange={onActor} placeholder="Actor email or token" label="Filter by actor" />
          <SelectFilter
            label="Target type"
            allLabel="All target types"
            value={targetType}
            onChange={(value) => update({ targetType: value })}
            options={targetOptions}
          />
          {filtered ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => update({ action: null, actor: null, targetType: null })}>
              Clear
            </button>
          ) : null}
        </>
      }
    />
  );
}
