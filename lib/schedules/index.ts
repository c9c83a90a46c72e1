// Scheduled re-audits and re-scans of deployed versions, drift detection against the approved
// snapshot, and the alerts they raise.
export { detectDrift, type DriftedCriterion } from "./detect-drift.ts";
export { createSchedule, listSchedules, runScheduleNow, setScheduleEnabled, syncJobScheduler } from "./manage-schedules.ts";
export { reportScheduleFailure, runSchedule, type RunScheduleOptions, type ScheduleRunners, type ScheduleRunResult } from "./run-schedule.ts";
export { createScheduleSchema, cronProblem, listSchedulesQuerySchema, nextRunOf, SCHEDULE_KINDS, updateScheduleSchema, type CreateScheduleInput, type ScheduleKind } from "./schemas.ts";
