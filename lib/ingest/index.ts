export { ingestDatasetVersion, type IngestDatasetVersionOptions, type IngestResult } from "./ingest-dataset-version.ts";
export { ColumnSchemaBuilder, DISTINCT_CAP, MAX_COLUMNS, type ColumnSchema, type ColumnSummary } from "./column-schema-builder.ts";
export { classifyValue, widenTypes, type ColumnType, type ValueKind } from "./classify-value.ts";
export { cancelIngestSubject } from "./cancel-ingest-subject.ts";
