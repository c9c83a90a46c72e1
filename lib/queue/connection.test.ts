import { afterEach, describe, expect, it } from "vitest";
import { queuePrefix } from "./connection.ts";
import { stalledSettings } from "./create-worker.ts";

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["CANARY_QUEUE_PREFIX", "CANARY_STALLED_INTERVAL_MS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("queue settings from the environment", () => {
  it("checks the prefix, which becomes a Redis key prefix", () => {
    delete process.env.CANARY_QUEUE_PREFIX;
    expect(queuePrefix()).toBe("bull");
    process.env.CANARY_QUEUE_PREFIX = "t_mine";
    expect(queuePrefix()).toBe("t_mine");
    process.env.CANARY_QUEUE_PREFIX = "drop table;";
    expect(() => queuePrefix()).toThrow(/CANARY_QUEUE_PREFIX/);
  });

  it("sets lock and stalled check together, 30 s by default", () => {
    delete process.env.CANARY_STALLED_INTERVAL_MS;
    expect(stalledSettings()).toEqual({ lockDuration: 30_000, stalledInterval: 30_000, maxStalledCount: 2 });
    process.env.CANARY_STALLED_INTERVAL_MS = "1000";
    expect(stalledSettings()).toEqual({ lockDuration: 1000, stalledInterval: 1000, maxStalledCount: 2 });
    process.env.CANARY_STALLED_INTERVAL_MS = "5";
    expect(() => stalledSettings()).toThrow(/CANARY_STALLED_INTERVAL_MS/);
  });
});
