import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { principalCan } from "@/lib/auth";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PlusIcon } from "../../_components/icons";
import { PageHeader } from "../../_components/page-header";
import { DatasetsTable } from "./datasets-table";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const principal = await requirePagePermission("datasets.read");
  const canRegister = principalCan(principal, "datasets.write");
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Every dataset used for training or evaluation, with its provenance, lawful basis, licence and immutable versions."
        actions={
          canRegister ? (
            <Link href="/datasets/new" className="btn btn-primary" data-testid="register-dataset">
              <PlusIcon size={16} /> Register dataset
            </Link>
          ) : null
        }
      />
      <Suspense>
        <DatasetsTable canRegister={canRegister} />
      </Suspense>
    </>
  );
}
