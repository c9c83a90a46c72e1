import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { PageHeader } from "../../../_components/page-header";
import { NewAuditForm } from "./new-audit-form";
import { ScoresUploadForm } from "./scores-upload-form";

export const metadata: Metadata = { title: "New audit" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function NewAuditPage({ searchParams }: Props) {
  await requirePagePermission("audits.run");
  const query = await searchParams;
  return (
    <>
      <PageHeader title="New audit" breadcrumbs={[{ href: "/audits", label: "Audits" }]} description="Attack a model version the way an adversary would, and test its privacy claim against what the attack proves." />
      <div className="grid-main-side">
        <NewAuditForm model={first(query.model)} version={first(query.version)} />
        <ScoresUploadForm />
      </div>
    </>
  );
}
