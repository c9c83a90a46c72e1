import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { EmptyState } from "../../_components/empty-state";
import { ScorecardIcon } from "../../_components/icons";
import { PageHeader } from "../../_components/page-header";

export const metadata: Metadata = { title: "Scorecards" };

export default async function ScorecardsPage() {
  await requirePagePermission("scorecards.read");
  return (
    <>
      <PageHeader
        title="Scorecards"
        description="Privacy scorecards of model versions against your policy, for review and approval."
      />
      <div className="card">
        <EmptyState icon={<ScorecardIcon size={24} />} title="No scorecards yet">
          <p>Scorecards arrive with the scorecard feature, which is being built now. Once it lands, this page lists:</p>
          <ul>
            <li>a grade per model version, criterion by criterion, against a versioned privacy policy;</li>
            <li>the evidence behind each criterion: scans, leakage audits, licences and privacy budgets;</li>
            <li>approvals and rejections by compliance officers, bound to the exact evidence they saw.</li>
          </ul>
        </EmptyState>
      </div>
    </>
  );
}
