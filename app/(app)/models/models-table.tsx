"use client";

import { createColumnHelper, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { CubeIcon, PlusIcon } from "../../_components/icons";
import { LoadFailed } from "../../_components/load-failed";
import { SearchFilter } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";
import { formatPercent } from "./_components/format";
import { GuaranteeBadge } from "./_components/guarantee-badge";

interface ModelRow {
  name: string;
  description: string;
  owner: string;
  updatedAt: string;
  versionCount: number;
  latest: { version: number; source: string; epsilon: number | null; delta: number | null; accuracy: number | null; guarantee: string } | null;
}

const column = createColumnHelper<ModelRow>();
const columns = [
  column.accessor("name", {
    header: "Name",
    enableSorting: true,
    cell: ({ row }) => (
      <div>
        <Link href={`/models/${encodeURIComponent(row.original.name)}`} className="cell-primary">
          {row.original.name}
        </Link>
        {row.original.description ? <span className="cell-sub">{row.original.description}</span> : null}
      </div>
    ),
  }),
  column.accessor((row) => row.latest?.version ?? null, {
    id: "latest",
    header: "Latest version",
    cell: ({ row }) =>
      row.original.latest ? (
        <Link href={`/models/${encodeURIComponent(row.original.name)}/versions/${row.original.latest.version}`}>
          v{row.original.latest.version} <span className="muted">({row.original.latest.source})</span>
        </Link>
      ) : (
        <span className="faint">No versions</span>
      ),
  }),
  column.accessor((row) => row.latest?.epsilon ?? null, {
    id: "guarantee",
    header: "Guarantee",
    cell: ({ row }) => (row.original.latest ? <GuaranteeBadge status={row.original.latest.guarantee} epsilon={row.original.latest.epsilon} delta={row.original.latest.delta} /> : "—"),
  }),
  column.accessor((row) => row.latest?.accuracy ?? null, {
    id: "accuracy",
    header: "Accuracy",
    cell: ({ getValue }) => formatPercent(getValue()),
    meta: { align: "right" },
  }),
  column.accessor("owner", { header: "Owner" }),
  column.accessor("updatedAt", {
    header: "Updated",
    enableSorting: true,
    cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatDate(getValue())}</span>,
    meta: { className: "nowrap" },
  }),
];

const SORT_FIELDS = new Set(["name", "createdAt", "updatedAt"]);

export function ModelsTable({ canTrain }: { canTrain: boolean }) {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("page"), 1);
  const pageSize = intParam(get("pageSize"), 25);
  const sortParam = get("sort");
  const sort = sortParam && SORT_FIELDS.has(sortParam) ? sortParam : "updatedAt";
  const order = get("order") === "asc" ? "asc" : "desc";
  const q = get("q");
  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize), sort, order });
    if (q) params.set("q", q);
    return `/api/v1/models?${params}`;
  }, [page, pageSize, sort, order, q]);
  const { data, error, loading, reload } = useApiQuery<Page<ModelRow>>(url);
  const onSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const sorting: SortingState = [{ id: sort, desc: order === "desc" }];

  return (
    <DataTable
      label="Models"
      noun="models"
      columns={columns}
      {...serverPagingProps(data, page, pageSize, update)}
      sorting={sorting}
      onSortingChange={(next) => {
        const first = next[0];
        if (first) update({ sort: first.id, order: first.desc ? "desc" : "asc" });
      }}
      loading={loading || isPending}
      error={error ? <LoadFailed title="Models could not be loaded" error={error} onRetry={reload} /> : null}
      empty={
        <EmptyState
          icon={<CubeIcon size={24} />}
          title={q ? "No models match this search" : "No models yet"}
          actions={
            canTrain && !q ? (
              <Link href="/models/new" className="btn btn-primary">
                <PlusIcon size={16} /> Train a model
              </Link>
            ) : null
          }
        >
          <p>Train a differentially private model on a registered dataset version, or upload an external TensorFlow.js model through the API.</p>
        </EmptyState>
      }
      getRowId={(row) => row.name}
      toolbar={<SearchFilter value={q} onChange={onSearch} placeholder="Search name or description" label="Search models" />}
    />
  );
}
