"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { formatDateTime, shortHash } from "@/lib/format";
import type { ScorecardListItem } from "@/lib/scorecard";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { ScorecardIcon } from "../../_components/icons";
import { LoadFailed } from "../../_components/load-failed";
import { SearchFilter, SelectFilter } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";
import { GradeBadge, SignOffBadge } from "./grade-badge";

type Row = Omit<ScorecardListItem, "createdAt"> & { createdAt: string };
const column = createColumnHelper<Row>();

const columns = [
  column.accessor("model", {
    header: "Model version",
    cell: ({ row }) => (
      <Link href={`/scorecards/${row.original.id}`} className="cell-primary" data-testid="scorecard-link">
        {row.original.model} v{row.original.version}
      </Link>
    ),
  }),
  column.accessor("grade", { header: "Grade", cell: ({ getValue }) => <GradeBadge grade={getValue()} /> }),
  column.accessor("decision", {
    header: "Sign-off",
    cell: ({ row }) => <SignOffBadge status={row.original.decision ?? (row.original.invalidated ? "invalidated" : "awaiting")} />,
  }),
  column.accessor("reason", { header: "Computed because" }),
  column.accessor("snapshotHash", { header: "Snapshot", cell: ({ getValue }) => <span className="mono">{shortHash(getValue())}</span> }),
  column.accessor("createdAt", { header: "Computed", cell: ({ getValue }) => formatDateTime(getValue()), meta: { className: "nowrap" } }),
];

const STATUS_OPTIONS = [
  { value: "awaiting", label: "Awaiting sign-off" },
  { value: "invalidated", label: "Approval invalidated" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
];
const GRADE_OPTIONS = ["A", "B", "C", "D", "F"].map((grade) => ({ value: grade, label: `Grade ${grade}` }));

/** The review queue: the latest snapshot of each version, by default those awaiting sign-off. */
export function ScorecardsTable() {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("page"), 1);
  const pageSize = intParam(get("pageSize"), 25);
  const status = get("status") ?? "awaiting";
  const grade = get("grade");
  const q = get("q");
  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize), status });
    if (grade) params.set("grade", grade);
    if (q) params.set("q", q);
    return `/api/v1/scorecards?${params}`;
  }, [page, pageSize, status, grade, q]);
  const { data, error, loading, reload } = useApiQuery<Page<Row>>(url);
  const onSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);

  return (
    <DataTable
      label="Scorecards"
      noun="scorecards"
      columns={columns}
      {...serverPagingProps(data, page, pageSize, update)}
      loading={loading || isPending}
      error={error ? <LoadFailed title="Scorecards could not be loaded" error={error} onRetry={reload} /> : null}
      empty={
        <EmptyState icon={<ScorecardIcon size={24} />} title={status === "awaiting" ? "Nothing awaits sign-off" : "No scorecards match"}>
          <p>Scorecards appear when a model version is graded: after training, an audit, a scan or a policy change.</p>
        </EmptyState>
      }
      getRowId={(row) => row.id}
      toolbar={
        <>
          <SearchFilter value={q} onChange={onSearch} placeholder="Search model name" label="Search scorecards" />
          <SelectFilter label="Sign-off" allLabel="All" value={status === "all" ? undefined : status} onChange={(value) => update({ status: value ?? "all" })} options={STATUS_OPTIONS} />
          <SelectFilter label="Grade" allLabel="All grades" value={grade} onChange={(value) => update({ grade: value })} options={GRADE_OPTIONS} />
        </>
      }
    />
  );
}
