import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../../_components/page-header";
import { TrainForm, type VersionOption } from "./train-form";

export const metadata: Metadata = { title: "Train a model" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewModelPage({ searchParams }: Props) {
  await requirePagePermission("models.write");
  const query = await searchParams;
  const rows = await getDb().datasetVersion.findMany({
    where: { status: "ready", format: { in: ["csv", "jsonl"] } },
    orderBy: [{ dataset: { name: "asc" } }, { version: "desc" }],
    take: 500,
    select: { version: true, rowCount: true, columnSchema: true, dataset: { select: { name: true } }, budget: { select: { epsilon: true } } },
  });
  const versions: VersionOption[] = rows.map((row) => ({
    key: `${row.dataset.name}@${row.version}`,
    name: row.dataset.name,
    version: row.version,
    rowCount: row.rowCount ?? 0,
    columns: ((row.columnSchema as { columns?: { name: string }[] } | null)?.columns ?? []).map((c) => c.name),
    numericColumns: ((row.columnSchema as { columns?: { name: string; type: string }[] } | null)?.columns ?? []).filter((c) => c.type === "integer" || c.type === "number").map((c) => c.name),
    hasBudget: row.budget !== null,
  }));
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const preset = first(query.dataset) && first(query.version) ? `${first(query.dataset)}@${first(query.version)}` : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/models", label: "Models" }]}
        title="Train a model"
        description="DP-SGD on a registered dataset version: Poisson sampling, per-example clipping to C, Gaussian noise σ·C. The planned ε is checked against the version's privacy budget before the run starts."
      />
      <TrainForm versions={versions} preset={preset} />
    </>
  );
}
