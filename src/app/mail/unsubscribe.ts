// A person's choice to receive no more surveys, through the link of every survey e-mail
// (/unsubscribe/<token>, a random token stored for them) or management's
// `requester <e-mail> surveys on|off`. Honoured by the delivery rules: no survey and no reminder is
// sent to them on any channel (src/app/delivery/survey-route.ts) until they opt back in, from the
// same page or through management.
import { randomBytes } from "node:crypto";
import type { AppContext } from "../context.js";
import { recordAction } from "../management/audit.js";

export const unsubscribeUrl = (ctx: Pick<AppContext, "publicUrl">, token: string): string => `${ctx.publicUrl}/unsubscribe/${encodeURIComponent(token)}`;

/** 24 random bytes: unguessable, and tied to one person by the database. */
export const newUnsubscribeToken = (): string => randomBytes(24).toString("base64url");

/** The link for this person, its token made on first use. */
export async function unsubscribeLinkFor(ctx: AppContext, personId: string): Promise<string> {
  return unsubscribeUrl(ctx, await ctx.store.mailing.unsubscribeToken(personId, newUnsubscribeToken));
}

/** A token is base64url, at most a few dozen characters: anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export type UnsubscribeView = { found: false } | { found: true; email: string; locale: string | null; optedOut: boolean };

/** What the page shows: nothing is changed by reading it (mail scanners open links). */
export async function unsubscribeState(ctx: AppContext, token: string): Promise<UnsubscribeView> {
  if (!TOKEN.test(token)) return { found: false };
  const person = await ctx.store.mailing.findByUnsubscribeToken(token);
  return person ? { found: true, email: person.email, locale: person.locale, optedOut: person.optedOut } : { found: false };
}

/** The person behind `token` opts out (`optedOut` true) or back in; audited under their own address. */
export async function setSurveysByToken(ctx: AppContext, token: string, optedOut: boolean): Promise<UnsubscribeView> {
  if (!TOKEN.test(token)) return { found: false };
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const person = await tx.mailing.findByUnsubscribeToken(token);
    if (!person) return { found: false };
    if (await tx.mailing.setOptedOut(person.personId, optedOut, now)) {
      await recordAction(tx, { at: now, actor: person.email, action: optedOut ? "surveys.opt-out" : "surveys.opt-in", subject: `person:${person.personId}`, details: { via: "unsubscribe-link" } });
    }
    return { found: true, email: person.email, locale: person.locale, optedOut };
  });
}

/** Management's `requester <e-mail> surveys on|off`; null when nobody has that address. */
export async function setSurveysByEmail(ctx: AppContext, input: { actorEmail: string; email: string; on: boolean }): Promise<{ email: string } | null> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const person = await tx.people.findByEmail(input.email);
    if (!person) return null;
    const changed = await tx.mailing.setOptedOut(person.id, !input.on, now);
    await recordAction(tx, { at: now, actor: input.actorEmail, action: input.on ? "surveys.opt-in" : "surveys.opt-out", subject: `person:${person.id}`, details: { changed } });
    return { email: person.email };
  });
}

/** Management's `client <id|name> email-first on|off`. */
export async function setClientEmailFirst(
  ctx: AppContext,
  input: { actorEmail: string; client: string; on: boolean },
): Promise<{ ok: true; client: string } | { ok: false; reason: "client-not-found" | "client-ambiguous" }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const found = await tx.mailing.findClients(input.client);
    if (found.length === 0) return { ok: false, reason: "client-not-found" };
    if (found.length > 1) return { ok: false, reason: "client-ambiguous" };
    const client = found[0]!;
    await tx.mailing.setEmailFirst(client.id, input.on);
    await recordAction(tx, { at: now, actor: input.actorEmail, action: input.on ? "client.email-first.on" : "client.email-first.off", subject: `client:${client.externalId}`, details: { client: client.name } });
    return { ok: true, client: client.name ?? client.externalId };
  });
}
