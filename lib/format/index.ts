export { formatBytes } from "./format-bytes.ts";
export { formatDate, formatDateTime, formatDuration } from "./format-date.ts";
export { formatEpsilon } from "./format-epsilon.ts";
export { formatCount, shortHash } from "./format-number.ts";
export { CONSENT_BASIS_LABELS, INTENDED_USE_LABELS, ROLE_LABELS, labelOf } from "./labels.ts";
