// SQLite has one connection: a statement issued outside a transaction while another transaction is
// open must not run inside it (it would vanish if that transaction rolled back).
import { afterEach, describe, expect, it } from "vitest";
import { openTestStore } from "../support/databases.js";

let close: (() => Promise<void>) | null = null;
afterEach(async () => close?.());

describe("SQLite: statements outside a transaction", () => {
  it("wait for the open transaction, so its rollback does not take them along", async () => {
    const db = await openTestStore("sqlite");
    close = db.close;
    const now = new Date("2026-11-20T10:00:00Z");
    let outside: Promise<void> | null = null;
    await expect(
      db.store.transaction(async (tx) => {
        await tx.settings.set("inside", "1", now);
        // Another request, at the same moment, writing on its own (not part of this transaction).
        outside = db.store.settings.set("outside", "2", now);
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("this transaction fails");
      }),
    ).rejects.toThrow("this transaction fails");
    await outside;
    expect(await db.store.settings.get("inside")).toBeNull();
    expect(await db.store.settings.get("outside")).toBe("2");
  });

  // perf-delivery2: the delivery's statements on the driver (delivery-statements.ts) take their turn too.
  it("on the driver (the delivery's claim and settlements) wait for it as well", async () => {
    const db = await openTestStore("sqlite");
    close = db.close;
    const now = new Date("2026-11-20T10:00:00Z");
    const { id } = await db.store.outbox.enqueue({ kind: "survey.deliver", payload: { surveyId: "s" }, availableAt: now, now });
    let claimed: Promise<unknown> | null = null;
    let sent: Promise<void> | null = null;
    const order: string[] = [];
    await expect(
      db.store.transaction(async (tx) => {
        await tx.outbox.enqueue({ kind: "survey.deliver", payload: { surveyId: "inside" }, availableAt: now, now });
        claimed = db.store.outbox.claimDue({ worker: "w", now, limit: 10, leaseMs: 1_000 }).then((records) => {
          order.push("claimed");
          return records;
        });
        sent = db.store.outbox.markSent(id, now);
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push("rolling back");
        throw new Error("this transaction fails");
      }),
    ).rejects.toThrow("this transaction fails");
    // The claim ran after the rollback: it saw only the committed message, and the settlement stayed.
    expect(await claimed).toEqual([{ id, kind: "survey.deliver", payload: { surveyId: "s" }, attempts: 1 }]);
    await sent;
    expect(order).toEqual(["rolling back", "claimed"]);
    expect(await db.store.outbox.pendingCount()).toBe(0);
  });
});

describe("SQLite: a statement on the driver issued from inside a transaction's own work", () => {
  it("goes ahead in that transaction after a wait instead of waiting for itself until the transaction times out", async () => {
    const db = await openTestStore("sqlite");
    close = db.close;
    const now = new Date("2026-11-20T10:00:00Z");
    const marie = await db.store.people.upsertByEmail({ email: "marie@client.example", name: "Marie", now });
    const started = Date.now();
    const found = await db.store.transaction(async () => db.store.people.findByEmail("marie@client.example"));
    expect(found?.id).toBe(marie.id);
    // Waited its turn (5 s), then went ahead: well before Prisma's 20-second transaction limit.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
