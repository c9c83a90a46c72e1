"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { formatBytes, formatCount, formatDateTime } from "@/lib/format";
import type { DatasetVersionView } from "../../../_components/api-types";
import { HashValue } from "../../../_components/copy-button";
import { DataTable } from "../../../_components/data-table";
import { EmptyState } from "../../../_components/empty-state";
import { UploadIcon } from "../../../_components/icons";
import { ProgressBar } from "../../../_components/progress-bar";
import { StatusBadge } from "../../../_components/status-badge";

const column = createColumnHelper<DatasetVersionView>();

function columnsFor(datasetName: string) {
  return [
    column.accessor("version", {
      header: "Version",
      cell: ({ row }) => (
        <Link
          href={`/datasets/${encodeURIComponent(datasetName)}?version=${row.original.version}`}
          scroll={false}
          className="cell-primary"
          title="Show this version's column schema"
        >
          v{row.original.version}
        </Link>
      ),
    }),
    column.accessor("originalFilename", {
      header: "File",
      cell: ({ row }) => (
        <div>
          <span className="mono">{row.original.originalFilename}</span>
          <span className="cell-sub">
            {row.original.format.toUpperCase()}
            {row.original.notes ? ` · ${row.original.notes}` : ""}
          </span>
        </div>
      ),
    }),
    column.accessor("sizeBytes", {
      header: "Size",
      cell: ({ getValue }) => <span title={`${formatCount(getValue())} bytes`}>{formatBytes(getValue())}</span>,
      meta: { align: "right", className: "nowrap" },
    }),
    column.accessor("rowCount", {
      header: "Rows",
      cell: ({ getValue }) => formatCount(getValue()),
      meta: { align: "right" },
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ row }) => {
        const v = row.original;
        if (v.status === "pending" || v.status === "ingesting") {
          return (
            <div style={{ minWidth: 160 }}>
              <StatusBadge status={v.status} />
              <div style={{ marginTop: 6 }}>
                <ProgressBar value={v.status === "pending" && !v.progress ? null : v.progress} label={`Ingest of v${v.version}`} />
              </div>
            </div>
          );
        }
        return (
          <div>
            <StatusBadge status={v.status} />
            {v.status === "failed" && v.error ? (
              <span className="cell-sub" style={{ color: "var(--danger)", whiteSpace: "normal" }} title={v.error}>
                {v.error}
              </span>
            ) : null}
          </div>
        );
      },
    }),
    column.accessor("sha256", {
      header: "SHA-256",
      cell: ({ getValue }) => <HashValue value={getValue()} />,
    }),
    column.accessor((row) => row.uploadedBy?.email ?? "", {
      id: "uploadedBy",
      header: "Uploaded by",
      cell: ({ getValue }) => getValue() || <span className="faint">—</span>,
    }),
    column.accessor("createdAt", {
      header: "Created",
      cell: ({ getValue }) => formatDateTime(getValue()),
      meta: { className: "nowrap" },
    }),
    column.accessor("parents", {
      header: "Derived from",
      cell: ({ getValue }) => {
        const parents = getValue();
        if (!parents || parents.length === 0) return <span className="faint">—</span>;
        return (
          <div className="kbd-list">
            {parents.map((parent) => (
              <Link
                key={parent.id}
                className="chip"
                href={`/datasets/${encodeURIComponent(parent.datasetName)}?version=${parent.version}`}
                title={parent.transformation || undefined}
              >
                {parent.datasetName === datasetName ? `v${parent.version}` : `${parent.datasetName} v${parent.version}`}
              </Link>
            ))}
          </div>
        );
      },
    }),
  ];
}

export function VersionsTable({
  datasetName,
  versions,
  selectedVersion,
  canUpload,
}: {
  datasetName: string;
  versions: DatasetVersionView[];
  selectedVersion: number | null;
  canUpload: boolean;
}) {
  return (
    <DataTable
      label="Versions"
      noun="versions"
      columns={columnsFor(datasetName)}
      data={versions}
      getRowId={(row) => row.id}
      isRowSelected={(row) => row.version === selectedVersion}
      empty={
        <EmptyState
          icon={<UploadIcon size={24} />}
          title="No versions yet"
          actions={
            canUpload ? (
              <a href="#upload" className="btn btn-primary">
                Upload the first version
              </a>
            ) : null
          }
        >
          <p>
            Each upload becomes an immutable, content-addressed version. It is ingested in the background: rows are counted
            and the column schema is inferred.
          </p>
        </EmptyState>
      }
    />
  );
}
