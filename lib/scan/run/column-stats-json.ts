import type { PiiEntity } from "../pii/index.ts";
import { createColumnStats, type ColumnStats } from "../pii/index.ts";

/** ColumnStats as JSON, for a scan's checkpoint: counts and masked samples only. */
export interface ColumnStatsJson {
  records: number;
  columns: [string, { nonEmpty: number; entities: [PiiEntity, { values: number; scoreSum: number; samples: string[] }][] }][];
}

export function columnStatsToJson(stats: ColumnStats): ColumnStatsJson {
  return {
    records: stats.records,
    columns: [...stats.columns].map(([field, counts]) => [field, { nonEmpty: counts.nonEmpty, entities: [...counts.entities] }]),
  };
}

export function columnStatsFromJson(json: ColumnStatsJson | undefined): ColumnStats {
  if (!json) return createColumnStats();
  return {
    records: json.records,
    columns: new Map(json.columns.map(([field, counts]) => [field, { nonEmpty: counts.nonEmpty, entities: new Map(counts.entities) }])),
  };
}
