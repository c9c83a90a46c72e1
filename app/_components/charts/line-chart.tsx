// A small SVG line chart: several series, linear or log axes, ticks, a legend and an accessible
// title. Server- and client-renderable (no hooks). Used by the audit report (ROC, extraction curves)
// and free for other areas: <LineChart title="…" series={[{ name, points: [{ x, y }] }]} />.
import { type AxisKind, formatTick, makeScale, ticks } from "./scales";

export interface ChartSeries {
  name: string;
  points: { x: number; y: number }[];
  /** CSS colour; defaults to the palette in order. */
  color?: string;
  /** Dashed stroke, e.g. a reference line. */
  dashed?: boolean;
  /** Step line (horizontal then vertical), for ROC curves of discrete thresholds. */
  step?: boolean;
}

export interface AxisOptions {
  label: string;
  kind?: AxisKind;
  /** Defaults to the data's extent (positive values only on a log axis). */
  domain?: [number, number];
  format?: (value: number) => string;
}

export interface LineChartProps {
  /** Read by screen readers (the svg's <title>) and shown as the caption. */
  title: string;
  series: ChartSeries[];
  x: AxisOptions;
  y: AxisOptions;
  width?: number;
  height?: number;
  /** Extra description for screen readers, e.g. the headline figures. */
  description?: string;
}

const PALETTE = ["#3451d1", "#d9480f", "#157347", "#9c36b5", "#b42318", "#0b7285"];
const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };

function extent(values: number[], kind: AxisKind): [number, number] {
  const usable = kind === "log" ? values.filter((v) => v > 0) : values;
  if (usable.length === 0) return kind === "log" ? [0.001, 1] : [0, 1];
  const lo = Math.min(...usable);
  const hi = Math.max(...usable);
  return lo === hi ? (kind === "log" ? [lo / 10, hi * 10] : [lo - 1, hi + 1]) : [lo, hi];
}

function pathOf(points: { x: number; y: number }[], sx: (v: number) => number, sy: (v: number) => number, step: boolean): string {
  return points
    .map((p, i) => {
      const x = sx(p.x).toFixed(1);
      const y = sy(p.y).toFixed(1);
      if (i === 0) return `M${x},${y}`;
      return step ? `H${x}V${y}` : `L${x},${y}`;
    })
    .join("");
}

export function LineChart({ title, series, x, y, width = 420, height = 300, description }: LineChartProps) {
  const xKind = x.kind ?? "linear";
  const yKind = y.kind ?? "linear";
  const xDomain = x.domain ?? extent(series.flatMap((s) => s.points.map((p) => p.x)), xKind);
  const yDomain = y.domain ?? extent(series.flatMap((s) => s.points.map((p) => p.y)), yKind);
  const sx = makeScale(xKind, xDomain, [MARGIN.left, width - MARGIN.right]);
  const sy = makeScale(yKind, yDomain, [height - MARGIN.bottom, MARGIN.top]);
  const xTicks = ticks(xKind, xDomain);
  const yTicks = ticks(yKind, yDomain);
  const fx = x.format ?? ((v: number) => formatTick(v, xKind));
  const fy = y.format ?? ((v: number) => formatTick(v, yKind));
  const id = `chart-${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title${description ? ` ${id}-desc` : ""}`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        {description ? <desc id={`${id}-desc`}>{description}</desc> : null}
        <g className="chart-grid">
          {xTicks.map((t) => (
            <line key={`gx${t}`} x1={sx(t)} x2={sx(t)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          ))}
          {yTicks.map((t) => (
            <line key={`gy${t}`} x1={MARGIN.left} x2={width - MARGIN.right} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        <g className="chart-axis">
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} />
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          {xTicks.map((t) => (
            <text key={`tx${t}`} x={sx(t)} y={height - MARGIN.bottom + 14} textAnchor="middle">
              {fx(t)}
            </text>
          ))}
          {yTicks.map((t) => (
            <text key={`ty${t}`} x={MARGIN.left - 6} y={sy(t) + 4} textAnchor="end">
              {fy(t)}
            </text>
          ))}
          <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 6} textAnchor="middle" className="chart-axis-label">
            {x.label}
          </text>
          <text x={12} y={(MARGIN.top + height - MARGIN.bottom) / 2} textAnchor="middle" transform={`rotate(-90 12 ${(MARGIN.top + height - MARGIN.bottom) / 2})`} className="chart-axis-label">
            {y.label}
          </text>
        </g>
        <g className="chart-series">
          {series.map((s, i) => (
            <path
              key={s.name}
              d={pathOf(s.points.filter((p) => (xKind !== "log" || p.x > 0) && (yKind !== "log" || p.y > 0)), sx, sy, s.step ?? false)}
              fill="none"
              stroke={s.color ?? PALETTE[i % PALETTE.length]}
              strokeWidth={s.dashed ? 1 : 2}
              strokeDasharray={s.dashed ? "4 4" : undefined}
              data-series={s.name}
            />
          ))}
        </g>
      </svg>
      <figcaption className="chart-legend">
        <span className="chart-title">{title}</span>
        {series.map((s, i) => (
          <span key={s.name} className="chart-legend-item">
            <span className="chart-swatch" style={{ background: s.color ?? PALETTE[i % PALETTE.length] }} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
