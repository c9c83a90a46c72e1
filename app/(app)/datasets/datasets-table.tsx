"use client";

import { createColumnHelper, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { CONSENT_BASIS_LABELS, INTENDED_USE_LABELS, formatCount, formatDate, formatDateTime, labelOf } from "@/lib/format";
import type { DatasetListItem } from "../../_components/api-types";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { LoadFailed } from "../../_components/load-failed";
import { DatabaseIcon, PlusIcon, SearchIcon } from "../../_components/icons";
import { StatusBadge } from "../../_components/status-badge";
import { SearchFilter, SelectFilter, optionsOf } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";

const column = createColumnHelper<DatasetListItem>();

const columns = [
  column.accessor("name", {
    header: "Name",
    enableSorting: true,
    cell: ({ row }) => (
      <div>
        <Link href={`/datasets/${encodeURIComponent(row.original.name)}`} className="cell-primary">
          {row.original.name}
        </Link>
        {row.original.description ? <span className="cell-sub">{row.original.description}</span> : null}
      </div>
    ),
  }),
  column.accessor((row) => row.owner?.email ?? "", {
    id: "owner",
    header: "Owner",
    cell: ({ row }) => (
      <span title={row.original.owner?.email}>{row.original.owner?.name || row.original.owner?.email || "—"}</span>
    ),
  }),
  column.accessor("source", {
    header: "Source",
    cell: ({ getValue }) => (
      <span className="truncate" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor("consentBasis", {
    header: "Consent basis",
    cell: ({ getValue }) => labelOf(CONSENT_BASIS_LABELS, getValue()),
    meta: { className: "nowrap" },
  }),
  column.accessor("licenseExpression", {
    header: "License",
    cell: ({ getValue }) => (
      <code className="chip" title={getValue()}>
        {getValue()}
      </code>
    ),
  }),
  column.accessor("intendedUse", {
    header: "Intended use",
    cell: ({ getValue }) => labelOf(INTENDED_USE_LABELS, getValue()),
  }),
  column.accessor("versionCount", {
    header: "Versions",
    enableSorting: true,
    cell: ({ getValue }) => formatCount(getValue()),
    meta: { align: "right" },
  }),
  column.accessor((row) => row.latestVersion?.status ?? null, {
    id: "latestStatus",
    header: "Latest version",
    cell: ({ row }) =>
      row.original.latestVersion ? (
        <span className="row nowrap">
          <span className="muted">v{row.original.latestVersion.version}</span>
          <StatusBadge status={row.original.latestVersion.status} />
        </span>
      ) : (
        <span className="faint">No versions</span>
      ),
  }),
  column.accessor("createdAt", {
    header: "Created",
    enableSorting: true,
    cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatDate(getValue())}</span>,
    meta: { className: "nowrap" },
  }),
];

const SORT_FIELDS = new Set(["name", "createdAt", "updatedAt", "versionCount"]);
const FILTER_KEYS = ["q", "consentBasis", "intendedUse"] as const;

export function DatasetsTable({ canRegister }: { canRegister: boolean }) {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("page"), 1);
  const pageSize = intParam(get("pageSize"), 25);
  const sortParam = get("sort");
  const sort = sortParam && SORT_FIELDS.has(sortParam) ? sortParam : "createdAt";
  const order = get("order") === "asc" ? "asc" : "desc";
  const q = get("q");
  const consentBasis = get("consentBasis");
  const intendedUse = get("intendedUse");
  const filtered = FILTER_KEYS.some((key) => get(key));

  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize), sort, order });
    if (q) params.set("q", q);
    if (consentBasis) params.set("consentBasis", consentBasis);
    if (intendedUse) params.set("intendedUse", intendedUse);
    return `/api/v1/datasets?${params}`;
  }, [page, pageSize, sort, order, q, consentBasis, intendedUse]);

  const { data, error, loading, reload } = useApiQuery<Page<DatasetListItem>>(url);
  const sorting: SortingState = [{ id: sort, desc: order === "desc" }];
  const onSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);

  const empty = filtered ? (
    <EmptyState
      icon={<SearchIcon size={24} />}
      title="No datasets match these filters"
      actions={
        <button type="button" className="btn" onClick={() => update({ q: null, consentBasis: null, intendedUse: null })}>
          Clear filters
        </button>
      }
    >
      <p>Try a shorter search, or another consent basis or intended use.</p>
    </EmptyState>
  ) : (
    <EmptyState
      icon={<DatabaseIcon size={24} />}
      title="No datasets yet"
      actions={
        canRegister ? (
          <Link href="/datasets/new" className="btn btn-primary">
            <PlusIcon size={16} /> Register dataset
          </Link>
        ) : null
      }
    >
      <p>
        Register a dataset to record where it came from, its lawful basis and licence, then upload versions for ingestion and
        scanning.
        {canRegister ? "" : " Ask an ML engineer or an administrator to register one."}
      </p>
    </EmptyState>
  );

  const errorState = error ? (
    <LoadFailed title="Datasets could not be loaded" error={error} onRetry={reload} />
  ) : null;

  return (
    <DataTable
      label="Datasets"
      noun="datasets"
      columns={columns}
      {...serverPagingProps(data, page, pageSize, update)}
      sorting={sorting}
      onSortingChange={(next) => {
        const first = next[0];
        if (first) update({ sort: first.id, order: first.desc ? "desc" : "asc" });
      }}
      columnFilters={[
        ...(consentBasis ? [{ id: "consentBasis", value: consentBasis }] : []),
        ...(intendedUse ? [{ id: "intendedUse", value: intendedUse }] : []),
      ]}
      loading={loading || isPending}
      error={errorState}
      empty={empty}
      getRowId={(row) => row.id}
      toolbar={
        <>
          <SearchFilter value={q} onChange={onSearch} placeholder="Search name, description or source" label="Search datasets" />
          <SelectFilter
            label="Consent basis"
            allLabel="All consent bases"
            value={consentBasis}
            onChange={(value) => update({ consentBasis: value })}
            options={optionsOf(CONSENT_BASIS_LABELS)}
          />
          <SelectFilter
            label="Intended use"
            allLabel="All intended uses"
            value={intendedUse}
            onChange={(value) => update({ intendedUse: value })}
            options={optionsOf(INTENDED_USE_LABELS)}
          />
          {filtered ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => update({ q: null, consentBasis: null, intendedUse: null })}>
              Clear
            </button>
          ) : null}
        </>
      }
    />
  );
}
