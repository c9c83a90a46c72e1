import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { EmptyState } from "../../_components/empty-state";
import { ShieldIcon } from "../../_components/icons";
import { PageHeader } from "../../_components/page-header";

export const metadata: Metadata = { title: "Audits" };

export default async function AuditsPage() {
  await requirePagePermission("audits.read");
  return (
    <>
      <PageHeader
        title="Leakage audits"
        description="Empirical tests of what a trained model reveals about the data it was trained on."
      />
      <div className="card">
        <EmptyState icon={<ShieldIcon size={24} />} title="No audits yet">
          <p>Audits arrive with leakage auditing, which is being built now. Once it lands, this page lists:</p>
          <ul>
            <li>membership-inference attacks (including LiRA) and their ROC curves at low false-positive rates;</li>
            <li>empirical lower bounds on ε, to compare with the guarantee claimed at training;</li>
            <li>canary exposure, attribute-inference, model-inversion and extraction tests.</li>
          </ul>
        </EmptyState>
      </div>
    </>
  );
}
