import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../_components/page-header";
import { AuditLogTable } from "./audit-log-table";
import { VerifyChainButton } from "./verify-chain";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  await requirePagePermission("auditlog.read");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to datasets, roles, tokens and approvals, append-only and hash-chained: each entry's hash covers the previous one, so any edit or deletion breaks the chain."
        actions={<VerifyChainButton />}
      />
      <Suspense>
        <AuditLogTable />
      </Suspense>
    </>
  );
}
