"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { formatDateTime, formatDuration } from "@/lib/format";
import type { JobView } from "../../_components/api-types";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { LoadFailed } from "../../_components/load-failed";
import { ActivityIcon } from "../../_components/icons";
import { ProgressBar } from "../../_components/progress-bar";
import { isActiveStatus, StatusBadge } from "../../_components/status-badge";
import { SelectFilter } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";

const column = createColumnHelper<JobView>();

const STATUS_OPTIONS = [
  { value: "queued", label: "Queued" },
  { value: "active", label: "Running" },
  { value: "completed", label: "Completed" },
  { value: "failed", label: "Failed" },
  { value: "cancelled", label: "Cancelled" },
];

const columns = [
  column.accessor("name", {
    header: "Job",
    cell: ({ row }) => (
      <div>
        <span className="cell-primary">{row.original.name}</span>
        <span className="cell-sub mono" title={row.original.id}>
          {row.original.queue} · {row.original.id}
        </span>
      </div>
    ),
  }),
  column.accessor("subjectType", {
    header: "Subject",
    cell: ({ row }) => (
      <div>
        <span>{row.original.subjectType.replaceAll("_", " ")}</span>
        <span className="cell-sub mono" title={row.original.subjectId}>
          {row.original.subjectId}
        </span>
      </div>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  column.accessor("progress", {
    header: "Progress",
    cell: ({ row }) => {
      const job = row.original;
      if (job.status === "failed") {
        return (
          <span className="cell-sub" style={{ color: "var(--danger)", whiteSpace: "normal", maxWidth: 320 }} title={job.error ?? ""}>
            {job.error || "Failed"}
          </span>
        );
      }
      return (
        <div style={{ minWidth: 180, maxWidth: 320 }}>
          <ProgressBar
            value={job.status === "queued" ? null : job.progress}
            tone={job.status === "completed" ? "ok" : "accent"}
            message={job.progressMessage || undefined}
            label={`Progress of ${job.name}`}
          />
        </div>
      );
    },
  }),
  column.accessor("createdAt", {
    header: "Created",
    cell: ({ getValue }) => formatDateTime(getValue()),
    meta: { className: "nowrap" },
  }),
  column.accessor((row) => formatDuration(row.startedAt, row.finishedAt), {
    id: "duration",
    header: "Duration",
    cell: ({ row, getValue }) => (row.original.startedAt && !row.original.finishedAt ? <span className="muted">running</span> : getValue()),
    meta: { align: "right", className: "nowrap" },
  }),
];

export function JobsTable() {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("page"), 1);
  const pageSize = intParam(get("pageSize"), 25);
  const status = get("status");
  const queue = get("queue");

  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (status) params.set("status", status);
    if (queue) params.set("queue", queue);
    return `/api/v1/jobs?${params}`;
  }, [page, pageSize, status, queue]);

  // Poll while anything on this page is still queued or running, so progress bars move.
  const { data, error, loading, reload } = useApiQuery<Page<JobView>>(url, {
    refreshMs: 1000,
    shouldPoll: (next) => next.items.some((job) => isActiveStatus(job.status)),
  });

  return (
    <DataTable
      label="Jobs"
      noun="jobs"
      columns={columns}
      {...serverPagingProps(data, page, pageSize, update)}
      loading={loading || isPending}
      getRowId={(row) => row.id}
      error={
        error ? (
          <LoadFailed title="Jobs could not be loaded" error={error} onRetry={reload} />
        ) : null
      }
      empty={
        <EmptyState icon={<ActivityIcon size={24} />} title={status ? "No jobs with this status" : "No jobs yet"}>
          <p>
            {status
              ? "Choose another status to see more jobs."
              : "Jobs appear here when datasets are uploaded for ingestion, and later for scans, training runs and audits."}
          </p>
        </EmptyState>
      }
      toolbar={
        <>
          <SelectFilter
            label="Status"
            allLabel="All statuses"
            value={status}
            onChange={(value) => update({ status: value })}
            options={STATUS_OPTIONS}
          />
          {queue ? (
            <button type="button" className="btn btn-sm" onClick={() => update({ queue: null })} title="Remove the queue filter">
              Queue: {queue} ×
            </button>
          ) : null}
        </>
      }
    />
  );
}
