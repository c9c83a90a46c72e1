import { describe, expect, it } from "vitest";
import type { AccountantMechanism } from "./accountant.ts";
import { createAccountant } from "./create-accountant.ts";
import { PrvAccountant } from "./prv-accountant.ts";
import { RdpAccountant } from "./rdp-accountant.ts";

describe("createAccountant", () => {
  it("creates a fresh accountant of each registered mechanism", () => {
    const rdp = createAccountant("rdp");
    expect(rdp).toBeInstanceOf(RdpAccountant);
    expect(rdp.mechanism).toBe("rdp");
    expect(createAccountant("prv")).toBeInstanceOf(PrvAccountant);
    rdp.step({ noiseMultiplier: 1, sampleRate: 0.1 });
    expect(createAccountant("rdp").history).toEqual([]);
  });

  it("refuses an unknown mechanism, naming the known ones (as Opacus create_accountant)", () => {
    expect(() => createAccountant("gdp" as AccountantMechanism)).toThrow(/createAccountant: unexpected accounting mechanism "gdp"; expected one of rdp, prv/);
    expect(() => createAccountant("toString" as AccountantMechanism)).toThrow(/unexpected accounting mechanism/);
  });
});
