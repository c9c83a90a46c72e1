import { describe, expect, it } from "vitest";
import { createScheduleSchema, cronProblem, nextRunOf } from "./schemas.ts";

describe("cron validation", () => {
  it("accepts five-field expressions BullMQ runs", () => {
    expect(cronProblem("0 3 * * *")).toBeNull();
    expect(cronProblem("*/15 * * * 1-5")).toBeNull();
  });

  it("names the problem with anything else", () => {
    expect(cronProblem("0 3 * *")).toMatch(/expected 5 fields/);
    expect(cronProblem("0 0 3 * * *")).toMatch(/got 6/);
    expect(cronProblem("61 * * * *")).not.toBeNull();
    const parsed = createScheduleSchema.safeParse({ kind: "reaudit", model: "m", environment: "production", cron: "every day" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["cron"], message: expect.stringMatching(/^not a valid cron expression/) });
  });

  it("computes the next run in UTC", () => {
    expect(nextRunOf("0 3 * * *", new Date("2026-01-01T05:00:00Z")).toISOString()).toBe("2026-01-02T03:00:00.000Z");
  });

  it("takes an empty webhook URL as none and refuses other schemes", () => {
    expect(createScheduleSchema.parse({ kind: "rescan", model: "m", environment: "staging", cron: "0 * * * *", webhookUrl: "" }).webhookUrl).toBeUndefined();
    expect(createScheduleSchema.safeParse({ kind: "rescan", model: "m", environment: "staging", cron: "0 * * * *", webhookUrl: "ftp://x" }).success).toBe(false);
  });
});
