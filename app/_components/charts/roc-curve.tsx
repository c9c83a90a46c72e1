// ROC curves of membership-inference attacks on log-log axes, where low-FPR behaviour (what an
// attacker confident about a few records achieves) is visible; the diagonal is the guessing line.
// <RocCurve curves={[{ name: "LiRA", fpr, tpr }]} />; FPR and TPR of 0 are clipped to the floor.
import { LineChart } from "./line-chart";

export interface RocSeries {
  name: string;
  fpr: number[];
  tpr: number[];
  color?: string;
}

export interface RocCurveProps {
  curves: RocSeries[];
  /** Lowest rate shown on both axes. @defaultValue 1e-3, or 1/(largest side) when finer */
  floor?: number;
  title?: string;
  width?: number;
  height?: number;
}

export function RocCurve({ curves, floor, title = "ROC curve (log-log)", width, height }: RocCurveProps) {
  const low = floor ?? Math.min(1e-3, ...curves.map((c) => Math.min(...c.fpr.filter((v) => v > 0), ...c.tpr.filter((v) => v > 0))));
  const axisLow = 10 ** Math.floor(Math.log10(Math.max(low, 1e-6)));
  const clip = (v: number) => Math.max(v, axisLow);
  return (
    <LineChart
      title={title}
      width={width}
      height={height}
      x={{ label: "False positive rate", kind: "log", domain: [axisLow, 1] }}
      y={{ label: "True positive rate", kind: "log", domain: [axisLow, 1] }}
      series={[
        ...curves.map((c) => ({ name: c.name, color: c.color, step: true, points: c.fpr.map((f, i) => ({ x: clip(f), y: clip(c.tpr[i]!) })) })),
        { name: "Chance (TPR = FPR)", color: "#8a93a3", dashed: true, points: [{ x: axisLow, y: axisLow }, { x: 1, y: 1 }] },
      ]}
    />
  );
}
