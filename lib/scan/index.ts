export { scanParamsSchema, startScanSchema } from "./run/scan-params.ts";
export { clusterDuplicates, findNearDuplicatesInFile, findOverlapInFiles } from "./dedup/index.ts";
export { PII_ENTITIES, classifyColumns, columnKey, createColumnStats, maskValue, scanPii, scanPiiByRecord, type ColumnClassification, type PiiEntity } from "./pii/index.ts";
export { scanReid, type ReidScan } from "./reid/index.ts";
export { cancelScanSubject, fingerprintOf, getScan, listScans, runScan, startDefaultScans, startScan } from "./run/index.ts";
