import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getTrainingRun } from "@/lib/training";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../../../../_components/page-header";
import { plain } from "../../../_components/format";
import { RunLive, type RunView } from "./run-live";

export const metadata: Metadata = { title: "Training run" };

interface Props {
  params: Promise<{ name: string; id: string }>;
}

export default async function TrainingRunPage({ params }: Props) {
  const principal = await requirePagePermission("models.read");
  const { name, id } = await params;
  let run: RunView;
  try {
    run = plain<RunView>(await getTrainingRun(getDb(), id, principal));
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const modelName = decodeURIComponent(name);
  if (run.model !== modelName) notFound();
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { href: "/models", label: "Models" },
          { href: `/models/${encodeURIComponent(modelName)}`, label: modelName },
        ]}
        title="Training run"
        description={`On ${run.dataset.name} v${run.dataset.version}, started by ${run.createdBy}.`}
      />
      <RunLive initial={run} canCancel={principalCan(principal, "jobs.cancel")} />
    </>
  );
}
