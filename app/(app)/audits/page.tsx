import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { principalCan } from "@/lib/auth";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { AuditsTable } from "./audits-table";

export const metadata: Metadata = { title: "Audits" };

export default async function AuditsPage() {
  const principal = await requirePagePermission("audits.read");
  return (
    <>
      <PageHeader
        title="Leakage audits"
        description="Empirical tests of what a trained model reveals about its training data, and whether its privacy claim holds."
        actions={
          principalCan(principal, "audits.run") ? (
            <Link className="btn btn-primary" href="/audits/new">
              New audit
            </Link>
          ) : null
        }
      />
      <Suspense>
        <AuditsTable />
      </Suspense>
    </>
  );
}
