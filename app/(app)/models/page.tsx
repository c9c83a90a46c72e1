import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { EmptyState } from "../../_components/empty-state";
import { CubeIcon } from "../../_components/icons";
import { PageHeader } from "../../_components/page-header";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  await requirePagePermission("models.read");
  return (
    <>
      <PageHeader title="Models" description="Registered models, their versions and the training runs that produced them." />
      <div className="card">
        <EmptyState icon={<CubeIcon size={24} />} title="No models yet">
          <p>Models arrive with model registration, which is being built now. Once it lands, this page lists:</p>
          <ul>
            <li>each model and its versions, trained here or uploaded;</li>
            <li>the dataset versions every model version was trained and evaluated on;</li>
            <li>the formal privacy guarantee (ε, δ) of differentially private training, when there is one;</li>
            <li>live progress of training runs and the privacy budget they spend.</li>
          </ul>
        </EmptyState>
      </div>
    </>
  );
}
