// Signing in to the web dashboard through the chat platform, no passwords: management asks the bot
// (`dashboard`), gets a one-time link valid DASHBOARD_LINK_MINUTES, and opening it starts a browser
// session of DASHBOARD_SESSION_HOURS. The secrets (the link's token, the session id) are 256 random
// bits given to the person only; the database holds their SHA-256, so reading it opens nothing,
// and a look-up by hash leaks nothing through timing. Management is checked when the link is
// asked for, again when it is used, and on every request of the session.
import { createHash, randomBytes } from "node:crypto";
import type { Locale } from "../../core/model.js";
import type { AppContext } from "../context.js";
import { isAdmin } from "../context.js";
import { recordAction } from "../management/audit.js";

export const DASHBOARD_LINK_MINUTES = 10;
export const DASHBOARD_SESSION_HOURS = 8;
/** Expired links and sessions are kept this long (the audit log holds the sign-ins for good). */
const PURGE_AFTER_DAYS = 7;

export const secretHash = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");
const newSecret = (): string => randomBytes(32).toString("base64url");
/** A secret as newSecret makes it: 43 base64url characters. Anything else is refused unread. */
export const isSecretShaped = (text: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(text);

export function signInUrl(ctx: Pick<AppContext, "publicUrl">, token: string): string {
  return `${ctx.publicUrl}/dashboard/sign-in/${encodeURIComponent(token)}`;
}

export type LinkResult = { ok: true; url: string; expiresAt: Date } | { ok: false; reason: "not-management" };

/** A one-time sign-in link for a member of management (CAGNOTTE_ADMINS); refused to anyone else. */
export async function requestDashboardLink(ctx: AppContext, input: { email: string | null; personId: string | null; name?: string | null }): Promise<LinkResult> {
  if (!input.email || !isAdmin(ctx, input.email)) return { ok: false, reason: "not-management" };
  const now = ctx.clock.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + DASHBOARD_LINK_MINUTES * 60_000);
  await ctx.store.transaction(async (tx) => {
    // The person row exists for anyone who typed a command; created here for a manager who never did.
    const personId = input.personId ?? (await tx.people.upsertByEmail({ email: input.email ?? "", name: input.name ?? null, now })).id;
    await tx.dashboard.createLink({ tokenHash: secretHash(token), personId, now, expiresAt });
    await tx.dashboard.purge(new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000));
    await recordAction(tx, { at: now, actor: input.email ?? "", action: "dashboard.link", subject: `person:${personId}` });
  });
  return { ok: true, url: signInUrl(ctx, token), expiresAt };
}

/** Whether the link would open a session, without using it: what the page before the sign-in shows. */
export async function checkLink(ctx: AppContext, token: string): Promise<{ ok: true } | { ok: false; reason: "unknown" | "used" | "expired" }> {
  if (!isSecretShaped(token)) return { ok: false, reason: "unknown" };
  const r = await ctx.store.dashboard.peekLink(secretHash(token), ctx.clock.now());
  return r.ok ? { ok: true } : r;
}

export type SignInResult =
  | { ok: true; sessionId: string; personId: string; locale: Locale; expiresAt: Date }
  | { ok: false; reason: "unknown" | "used" | "expired" | "not-management" };

/** Uses the link (once) and opens a session, for a person still in management. */
export async function signIn(ctx: AppContext, input: { token: string; browserLocale: Locale | null }): Promise<SignInResult> {
  if (!isSecretShaped(input.token)) return { ok: false, reason: "unknown" };
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx): Promise<SignInResult> => {
    const use = await tx.dashboard.useLink(secretHash(input.token), now);
    if (!use.ok) return use;
    const person = await tx.people.findById(use.personId);
    if (!person || !isAdmin(ctx, person.email)) {
      await recordAction(tx, { at: now, actor: `person:${use.personId}`, action: "dashboard.sign-in-refused", subject: `person:${use.personId}`, reason: "not-management" });
      return { ok: false, reason: "not-management" };
    }
    const sessionId = newSecret();
    const expiresAt = new Date(now.getTime() + DASHBOARD_SESSION_HOURS * 3_600_000);
    // The browser's language first (it reads the page), else the one the person chats in.
    const locale = input.browserLocale ?? person.locale ?? ctx.rules.defaultLocale;
    await tx.dashboard.createSession({ idHash: secretHash(sessionId), personId: person.id, locale, now, expiresAt });
    await recordAction(tx, { at: now, actor: person.email, action: "dashboard.sign-in", subject: `person:${person.id}`, details: { until: expiresAt.toISOString() } });
    return { ok: true, sessionId, personId: person.id, locale, expiresAt };
  });
}

export interface OpenSession {
  personId: string;
  email: string;
  locale: Locale;
  expiresAt: Date;
}

/** The session behind a cookie's id while it is open and its person is still management; else null. */
export async function readSession(ctx: AppContext, sessionId: string): Promise<OpenSession | null> {
  if (!isSecretShaped(sessionId)) return null;
  const session = await ctx.store.dashboard.findSession(secretHash(sessionId), ctx.clock.now());
  if (!session) return null;
  const person = await ctx.store.people.findById(session.personId);
  if (!person || !isAdmin(ctx, person.email)) return null;
  return { personId: person.id, email: person.email, locale: session.locale, expiresAt: session.expiresAt };
}

export async function setSessionLocale(ctx: AppContext, sessionId: string, locale: Locale): Promise<void> {
  if (isSecretShaped(sessionId)) await ctx.store.dashboard.setSessionLocale(secretHash(sessionId), locale);
}

/** Ends the session for good (the cookie opens nothing afterwards); audited when it was open. */
export async function signOut(ctx: AppContext, sessionId: string): Promise<boolean> {
  if (!isSecretShaped(sessionId)) return false;
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const session = await tx.dashboard.findSession(secretHash(sessionId), now);
    if (!session || !(await tx.dashboard.endSession(secretHash(sessionId), now))) return false;
    const person = await tx.people.findById(session.personId);
    await recordAction(tx, { at: now, actor: person?.email ?? `person:${session.personId}`, action: "dashboard.sign-out", subject: `person:${session.personId}` });
    return true;
  });
}
