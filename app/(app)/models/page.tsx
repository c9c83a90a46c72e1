import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { principalCan } from "@/lib/auth";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PlusIcon } from "../../_components/icons";
import { PageHeader } from "../../_components/page-header";
import { ModelsTable } from "./models-table";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const principal = await requirePagePermission("models.read");
  const canTrain = principalCan(principal, "models.write");
  return (
    <>
      <PageHeader
        title="Models"
        description="Registered models and their immutable versions: the privacy guarantee each carries, its metrics, and the data it was trained on."
        actions={
          canTrain ? (
            <Link href="/models/new" className="btn btn-primary" data-testid="train-model">
              <PlusIcon size={16} /> Train a model
            </Link>
          ) : null
        }
      />
      <Suspense>
        <ModelsTable canTrain={canTrain} />
      </Suspense>
    </>
  );
}
