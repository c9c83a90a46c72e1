import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../../_components/page-header";
import { RegisterDatasetForm } from "./register-dataset-form";

export const metadata: Metadata = { title: "Register dataset" };

export default async function NewDatasetPage() {
  const principal = await requirePagePermission("datasets.write");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/datasets", label: "Datasets" }]}
        title="Register a dataset"
        description="Record where the data comes from and on what terms it may be used. Provenance is fixed at registration and shown on every version, scan and scorecard that uses it."
      />
      <RegisterDatasetForm defaultOwnerEmail={principal.email} />
    </>
  );
}
