// A run's curves: loss per step, accuracy at each epoch's end, and ε rising toward its plan.
import { LineChart } from "../../../_components/charts";

export interface CurvePoint {
  step: number;
  loss: number;
  epsilon: number | null;
  accuracy?: number;
}

export function TrainingCurves({ curve, plannedEpsilon, totalSteps }: { curve: CurvePoint[]; plannedEpsilon?: number | null; totalSteps?: number }) {
  if (curve.length === 0) return <p className="muted">No step yet.</p>;
  const lastStep = Math.max(totalSteps ?? 0, curve.at(-1)!.step);
  const accuracy = curve.filter((p) => p.accuracy !== undefined).map((p) => ({ x: p.step, y: p.accuracy! }));
  const epsilon = curve.filter((p) => p.epsilon !== null).map((p) => ({ x: p.step, y: p.epsilon! }));
  return (
    <div className="training-curves" data-testid="training-curves">
      <LineChart title="Loss" width={340} height={220} x={{ label: "Step", domain: [0, lastStep] }} y={{ label: "Mean loss" }} series={[{ name: "batch loss", points: curve.map((p) => ({ x: p.step, y: p.loss })) }]} />
      <LineChart title="Accuracy" width={340} height={220} x={{ label: "Step", domain: [0, lastStep] }} y={{ label: "Accuracy", domain: [0, 1] }} series={[{ name: "accuracy at epoch end", points: accuracy }]} />
      {epsilon.length > 0 ? (
        <LineChart
          title="Privacy spent (ε)"
          width={340}
          height={220}
          x={{ label: "Step", domain: [0, lastStep] }}
          y={{ label: "ε", domain: [0, Math.max(plannedEpsilon ?? 0, ...epsilon.map((p) => p.y)) * 1.05 || 1] }}
          series={[
            { name: "ε spent", points: epsilon },
            ...(plannedEpsilon ? [{ name: "planned ε", dashed: true, points: [{ x: 0, y: plannedEpsilon }, { x: lastStep, y: plannedEpsilon }] }] : []),
          ]}
        />
      ) : null}
    </div>
  );
}
