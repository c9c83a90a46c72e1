// A run's curves: ε rising toward its plan, loss and accuracy at each epoch's end on the evaluation
// (else public) set, and, when the server sent it (the dataset's owner, pii.unmasked roles), the
// training-batch loss, labelled outside the guarantee. What the (ε, δ) covers is stated beside them.
import type { TrainingProgress } from "@/lib/models";
import { LineChart } from "../../../_components/charts";

/** Kept in step with lib/models describeGuaranteeScope, which states it for versions, scorecards and exports. */
export const CURVES_SCOPE = "(ε, δ) covers the trained weights; the training-loss curve is not covered and is visible to the data owner only.";

const EVALUATED_ON = { eval: "evaluation set", public: "public set" } as const;

export function TrainingCurves({ progress, plannedEpsilon }: { progress: Pick<TrainingProgress, "curve" | "evaluatedOn" | "outsideGuarantee" | "totalSteps">; plannedEpsilon?: number | null }) {
  const { curve, evaluatedOn, outsideGuarantee } = progress;
  if (curve.length === 0) return <p className="muted">No step yet.</p>;
  const lastStep = Math.max(progress.totalSteps ?? 0, curve.at(-1)!.step);
  const measured = curve.filter((p) => p.loss !== undefined && p.accuracy !== undefined);
  const epsilon = curve.filter((p) => p.epsilon !== null).map((p) => ({ x: p.step, y: p.epsilon! }));
  const set = evaluatedOn ? EVALUATED_ON[evaluatedOn] : null;
  const xAxis = { label: "Step", domain: [0, lastStep] as [number, number] };
  return (
    <div className="stack">
      <p data-testid="curves-scope">
        {CURVES_SCOPE}{" "}
        <span className="muted">
          Covered: the weights at every step and what is computed from them alone, hence the {set ?? "evaluation-set"} loss and accuracy; ε follows from the configuration. Not covered: the
          mean loss of each private training batch and the count of evaluation records found in the training set, shown only to the data owner and roles that may see personal data.
        </span>
      </p>
      <div className="training-curves" data-testid="training-curves">
        {set ? (
          <>
            <LineChart title={`Loss on the ${set}`} width={340} height={220} x={xAxis} y={{ label: "Mean loss" }} series={[{ name: `${set} loss at epoch end`, points: measured.map((p) => ({ x: p.step, y: p.loss! })) }]} />
            <LineChart
              title={`Accuracy on the ${set}`}
              width={340}
              height={220}
              x={xAxis}
              y={{ label: "Accuracy", domain: [0, 1] }}
              series={[{ name: `${set} accuracy at epoch end`, points: measured.map((p) => ({ x: p.step, y: p.accuracy! })) }]}
            />
          </>
        ) : null}
        {epsilon.length > 0 ? (
          <LineChart
            title="Privacy spent (ε)"
            width={340}
            height={220}
            x={xAxis}
            y={{ label: "ε", domain: [0, Math.max(plannedEpsilon ?? 0, ...epsilon.map((p) => p.y)) * 1.05 || 1] }}
            series={[
              { name: "ε spent", points: epsilon },
              ...(plannedEpsilon ? [{ name: "planned ε", dashed: true, points: [{ x: 0, y: plannedEpsilon }, { x: lastStep, y: plannedEpsilon }] }] : []),
            ]}
          />
        ) : null}
        {outsideGuarantee && outsideGuarantee.batchLoss.length > 0 ? (
          <div data-testid="outside-guarantee-curve" style={{ flex: "1 1 320px", maxWidth: 420 }}>
            <span className="badge badge-warn">{outsideGuarantee.label}</span>
            <LineChart
              title="Training-batch loss (private rows)"
              width={340}
              height={220}
              x={xAxis}
              y={{ label: "Mean loss" }}
              series={[{ name: "batch loss", points: outsideGuarantee.batchLoss.map((p) => ({ x: p.step, y: p.loss })) }]}
            />
          </div>
        ) : null}
      </div>
      {set === null && evaluatedOn !== undefined ? (
        <p className="muted">No evaluation or public set: loss and accuracy are not measured during training, since on the training rows they would fall outside the (ε, δ).</p>
      ) : null}
    </div>
  );
}
