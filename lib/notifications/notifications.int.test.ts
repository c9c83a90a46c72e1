import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { createDb } from "../db/index.ts";
import { listNotifications, markNotificationRead } from "./notifications.ts";

const db = createDb();
afterAll(() => db.$disconnect());

const person = (roles: Principal["roles"]): Principal => ({ userId: `u-${randomUUID()}`, email: "x@canary.test", label: "x@canary.test", roles, via: "session" });

describe("webhook delivery outcomes on team alerts", () => {
  it("are shown to admins only; everyone else sees the alert without them", async () => {
    const kind = `test_${randomUUID().slice(0, 8)}`;
    const webhook = { delivered: false, attempts: 1, error: "refused: hooks.internal resolves to 10.0.0.5, an internal address" };
    const alert = await db.notification.create({
      data: { kind, title: "Drift", body: "b", link: "/x", subjectType: "schedule", subjectId: "s", details: { scheduleId: "s", webhook } },
    });

    const asAdmin = await listNotifications(db, person(["admin"]), { kind });
    expect(asAdmin.items[0]!.details).toEqual({ scheduleId: "s", webhook });

    for (const roles of [["ml_engineer"], ["compliance_officer"], ["auditor"]] as Principal["roles"][]) {
      const { items } = await listNotifications(db, person(roles), { kind });
      expect(items.map((n) => n.id), roles[0]).toEqual([alert.id]);
      expect(items[0]!.details, roles[0]).toEqual({ scheduleId: "s" });
    }
    expect((await markNotificationRead(db, person(["auditor"]), alert.id)).details).toEqual({ scheduleId: "s" });
  });
});
