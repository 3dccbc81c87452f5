import { describe, expect, it } from "vitest";
import { commandTable, runCommand, tokenize, type CommandHandler } from "../../src/app/commands/run-command.js";
import type { Actor } from "../../src/app/commands/replies.js";
import type { AppContext } from "../../src/app/context.js";

const ctx = { admins: ["boss@esn.example"] } as unknown as AppContext;
const actor = (email: string | null): Actor => ({ platform: "slack", platformUserId: "U1", email, personId: null, locale: "fr" });
const secret: CommandHandler = async () => ({ kind: "done", text: { fr: "ok", en: "ok" } });

describe("runCommand", () => {
  const table = commandTable({ management: { secret } });

  it("splits words and quoted phrases", () => {
    expect(tokenize(`charity add "Rêves de Gosse" https://x.example`)).toEqual(["charity", "add", "Rêves de Gosse", "https://x.example"]);
  });

  it("refuses management subcommands to anyone not in CAGNOTTE_ADMINS", async () => {
    expect(await runCommand(ctx, table, actor("tech@esn.example"), "secret")).toMatchObject({ kind: "refused", code: "not-management" });
    expect(await runCommand(ctx, table, actor(null), "history")).toMatchObject({ kind: "refused", code: "not-management" });
    expect(await runCommand(ctx, table, actor("BOSS@esn.example"), "secret")).toMatchObject({ kind: "done" });
  });

  it("answers help with the management part for management only", async () => {
    expect(await runCommand(ctx, table, actor("boss@esn.example"), "help")).toEqual({ kind: "help", management: true });
    expect(await runCommand(ctx, table, actor("x@y.example"), "HELP")).toEqual({ kind: "help", management: false });
  });

  it("names an unknown subcommand in both languages", async () => {
    const reply = await runCommand(ctx, table, actor("boss@esn.example"), "frobnicate now");
    expect(reply).toEqual({
      kind: "refused",
      code: "unknown-command",
      text: { fr: "Commande inconnue : frobnicate. Tapez « help ».", en: "Unknown command: frobnicate. Type “help”." },
    });
  });

  it("refuses withdraw to someone with no comment", async () => {
    expect(await runCommand(ctx, table, actor("x@y.example"), "withdraw")).toMatchObject({ kind: "refused", code: "nothing-to-withdraw" });
  });
});
