"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { formatDateTime } from "@/lib/format";
import { DataTable, serverPagingProps } from "../../_components/data-table";
import { LoadFailed } from "../../_components/load-failed";
import { SearchFilter, SelectFilter } from "../../_components/table-filters";
import { useApiQuery, type Page } from "../../_components/use-api-query";
import { intParam, useUrlState } from "../../_components/use-url-state";

interface Row {
  id: string;
  environment: string;
  model: string;
  version: number;
  fromVersion: number | null;
  action: "promote" | "rollback";
  reason: string;
  actor: string;
  createdAt: string;
}
const column = createColumnHelper<Row>();
const columns = [
  column.accessor("createdAt", { header: "When", cell: ({ getValue }) => formatDateTime(getValue()), meta: { className: "nowrap" } }),
  column.accessor("environment", { header: "Environment" }),
  column.accessor("action", { header: "Action", cell: ({ getValue }) => <span className={`badge ${getValue() === "rollback" ? "badge-warn" : "badge-info"}`}>{getValue()}</span> }),
  column.accessor("model", { header: "Version", cell: ({ row }) => `${row.original.model} v${row.original.version}` }),
  column.accessor("fromVersion", { header: "From", cell: ({ getValue }) => (getValue() ? `v${getValue()}` : "—") }),
  column.accessor("actor", { header: "Who" }),
  column.accessor("reason", { header: "Why" }),
];

/** Every promotion and rollback, newest first, filtered by environment, model and action. */
export function DeploymentsTable({ environments }: { environments: string[] }) {
  const { get, update, isPending } = useUrlState();
  const page = intParam(get("hpage"), 1);
  const pageSize = intParam(get("hpageSize"), 25);
  const environment = get("henv");
  const model = get("hmodel");
  const action = get("haction");
  const url = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (environment) params.set("environment", environment);
    if (model) params.set("model", model);
    if (action) params.set("action", action);
    return `/api/v1/deployments?${params}`;
  }, [page, pageSize, environment, model, action]);
  const { data, error, loading, reload } = useApiQuery<Page<Row>>(url);
  const paging = serverPagingProps(data, page, pageSize, (changes) =>
    update(Object.fromEntries(Object.entries(changes).map(([key, value]) => [key === "page" ? "hpage" : key === "pageSize" ? "hpageSize" : key, value]))),
  );
  return (
    <DataTable
      label="Deployment history"
      noun="deployments"
      columns={columns}
      {...paging}
      loading={loading || isPending}
      error={error ? <LoadFailed title="Deployments could not be loaded" error={error} onRetry={reload} /> : null}
      empty={<p className="muted">No promotions or rollbacks yet.</p>}
      getRowId={(row) => row.id}
      toolbar={
        <>
          <SearchFilter value={model} onChange={(value) => update({ hmodel: value, hpage: null })} placeholder="Exact model name" label="Model" />
          <SelectFilter label="Environment" allLabel="All environments" value={environment} onChange={(value) => update({ henv: value, hpage: null })} options={environments.map((name) => ({ value: name, label: name }))} />
          <SelectFilter label="Action" allLabel="All actions" value={action} onChange={(value) => update({ haction: value, hpage: null })} options={[{ value: "promote", label: "Promotions" }, { value: "rollback", label: "Rollbacks" }]} />
        </>
      }
    />
  );
}
