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
});
