import { describe, expect, it } from "vitest";
import { actsAs, principalOfUser } from "./principal.ts";

describe("principalOfUser", () => {
  const user = { id: "u1", email: "ana@example.com", roles: [{ role: "ml_engineer" as const }, { role: "auditor" as const }] };

  it("turns a user row and its role memberships into a session principal labelled by email", () => {
    expect(principalOfUser(user)).toEqual({ userId: "u1", email: "ana@example.com", label: "ana@example.com", roles: ["ml_engineer", "auditor"], via: "session" });
  });

  it("takes the label of the system acting for the user", () => {
    const principal = principalOfUser(user, "schedule (ana@example.com)");
    expect(principal.label).toBe("schedule (ana@example.com)");
    expect(actsAs(principal, "u1")).toBe(true);
  });
});
