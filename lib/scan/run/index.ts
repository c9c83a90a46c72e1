// Running scans of stored dataset versions: the queue's `scan` job calls runScan; the API starts them.
export { runScan, type RunScanOptions, type RunScanResult } from "./run-scan.ts";
export { startScan, startDefaultScans, DEFAULT_SCAN_KINDS, type StartedScan, type ScanStarter } from "./start-scan.ts";
export { scanParamsSchema, startScanSchema, type ScanParams, type StartScanInput } from "./scan-params.ts";
export { cancelScanSubject } from "./cancel-scan-subject.ts";
export { fingerprintOf, type NewFinding } from "./finding-writer.ts";
export { PII_SEVERITY } from "./pii-severity.ts";
export { PII_BATCH_RECORDS } from "./run-pii-scan.ts";
// Internal: the per-kind runners, the record reader, the finding writer and the checkpoint codecs.
export { listScans, getScan, SCAN_VIEW_SELECT, type ScanView } from "./list-scans.ts";
