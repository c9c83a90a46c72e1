// Small hand-written SVG charts shared by every area (there is no charting package): LineChart
// (several series, linear or log axes, ticks, legend, accessible title), RocCurve (log-log ROC with
// the chance diagonal) and ImageGrid (grayscale pictures from pixel arrays). See each file's header.
export { LineChart, type AxisOptions, type ChartSeries, type LineChartProps } from "./line-chart";
export { RocCurve, type RocCurveProps, type RocSeries } from "./roc-curve";
export { ImageGrid, type GridImage } from "./image-grid";
export { formatTick, makeScale, ticks, type AxisKind, type Scale } from "./scales";
