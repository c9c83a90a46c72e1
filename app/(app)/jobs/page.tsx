import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { JobsTable } from "./jobs-table";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  await requirePagePermission("jobs.read");
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work: ingestion, scans, training and audits. Running jobs update live."
      />
      <Suspense>
        <JobsTable />
      </Suspense>
    </>
  );
}
