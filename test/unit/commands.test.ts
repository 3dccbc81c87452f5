import { describe, expect, it } from "vitest";
import { commandTable, runCommand, tokenize, type CommandHandler } from "../../src/app/commands/run-command.js";
import type { Actor } from "../../src/app/commands/replies.js";
import type { AppContext } from "../../src/app/context.js";
import { canonicalCommand } from "../../src/i18n/index.js";

const ctx = { admins: ["boss@esn.example"] } as unknown as AppContext;
const actor = (email: string | null): Actor => ({ platform: "slack", platformUserId: "U1", email, personId: null, locale: "fr" });
const secret: CommandHandler = async () => ({ kind: "done", done: { kind: "override-counted" } });

describe("runCommand", () => {
  const table = commandTable({ management: { secret } });

  it("splits words and quoted phrases", () => {
    expect(tokenize(`charity add "Rêves de Gosse" https://x.example`)).toEqual(["charity", "add", "Rêves de Gosse", "https://x.example"]);
  });

  it("refuses management subcommands to anyone not in CAGNOTTE_ADMINS", async () => {
    expect(await runCommand(ctx, table, actor("tech@esn.example"), "secret")).toMatchObject({ kind: "refused", refusal: { code: "not-management" } });
    expect(await runCommand(ctx, table, actor(null), "history")).toMatchObject({ kind: "refused", refusal: { code: "not-management" } });
    expect(await runCommand(ctx, table, actor("BOSS@esn.example"), "secret")).toMatchObject({ kind: "done" });
  });

  it("answers help with the management part for management only", async () => {
    expect(await runCommand(ctx, table, actor("boss@esn.example"), "help")).toEqual({ kind: "help", management: true });
    expect(await runCommand(ctx, table, actor("x@y.example"), "HELP")).toEqual({ kind: "help", management: false });
  });

  it("names an unknown subcommand, quoting what was typed", async () => {
    const reply = await runCommand(ctx, table, actor("boss@esn.example"), "frobnicate now");
    expect(reply).toEqual({ kind: "refused", refusal: { code: "unknown-command", detail: "frobnicate" } });
  });

  it("reads French command words as their English equivalents", async () => {
    expect(await runCommand(ctx, table, actor("boss@esn.example"), "aide")).toEqual({ kind: "help", management: true });
    expect(await runCommand(ctx, table, actor("x@y.example"), "Aide")).toEqual({ kind: "help", management: false });
    expect(await runCommand(ctx, table, actor("x@y.example"), "historique")).toMatchObject({ kind: "refused", refusal: { code: "not-management" } });
    expect(["statut", "retirer", "oublie-moi", "journal", "versement"].map(canonicalCommand)).toEqual(["status", "withdraw", "forget-me", "audit", "payout"]);
  });

  it("splits typographic quotes as phones and Teams write them", () => {
    expect(tokenize("charity add « Rêves de Gosse » https://x.example")).toEqual(["charity", "add", "Rêves de Gosse", "https://x.example"]);
    expect(tokenize("charity add “Rêves de Gosse”")).toEqual(["charity", "add", "Rêves de Gosse"]);
  });
});
