// The dashboard's sign-in over real HTTP (no browser), with an https PUBLIC_URL: the cookie's
// attributes, a link used by two requests at once, forged cross-site posts, sign-out's anti-forgery
// value, expiry of the session, management re-checked at sign-in and on every request, only hashes
// in the database, and requireDashboardSession as the exports router mounts it.
import express from "express";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestDashboardLink, signIn } from "../../src/app/dashboard/sign-in.js";
import { csrfToken } from "../../src/adapters/http/dashboard/dashboard-router.js";
import { dashboardOf, requireDashboardSession } from "../../src/adapters/http/dashboard/session.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";

const PUBLIC = "https://cagnotte.example";
const BOSS = "boss@esn.example";
const COOKIE = "__Host-cagnotte-dashboard";
const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
let bot: Awaited<ReturnType<typeof startTestBot>>;
let exportsUrl: string;
let exportsServer: Server;

/** A link for management, pointed at the test server instead of the public address. */
async function link(email = BOSS): Promise<{ url: string; token: string }> {
  const r = await requestDashboardLink(bot.ctx, { email, personId: null });
  if (!r.ok) throw new Error(r.reason);
  expect(r.url.startsWith(`${PUBLIC}/dashboard/sign-in/`)).toBe(true);
  const path = new URL(r.url).pathname;
  return { url: `${bot.url}${path}`, token: path.split("/").at(-1)! };
}

const post = (url: string, headers: Record<string, string> = {}, body = "lang=fr") =>
  fetch(url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });

async function session(): Promise<string> {
  const res = await post((await link()).url);
  expect(res.status).toBe(303);
  return /__Host-cagnotte-dashboard=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
}

beforeAll(async () => {
  bot = await startTestBot({ PUBLIC_URL: PUBLIC }, { clock });
  // The exports router of the other half of the dashboard, as it mounts the session check.
  const app = express();
  app.get("/dashboard/exports/answers.csv", requireDashboardSession(bot.ctx), (_req, res) => {
    res.json(dashboardOf(res));
  });
  await new Promise<void>((resolve) => (exportsServer = app.listen(0, "127.0.0.1", () => resolve())));
  const address = exportsServer.address();
  exportsUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/dashboard/exports/answers.csv`;
});
afterAll(async () => {
  await new Promise((resolve) => exportsServer?.close(resolve));
  await bot?.stop();
});

describe("dashboard sign-in over HTTP", () => {
  it("starts a session with a __Host- cookie: HttpOnly, Secure (https), SameSite=Lax, 8 hours", async () => {
    const res = await post((await link()).url);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("lets only one of three simultaneous uses of a link through", async () => {
    const { url } = await link();
    const results = await Promise.all([post(url), post(url), post(url)]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 410, 410]);
  });

  it("refuses a sign-in posted from another site, and the link still works afterwards", async () => {
    const { url } = await link();
    const forged = await post(url, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    expect((await post(url, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post(url, { origin: PUBLIC })).status).toBe(303);
  });

  it("answers an unknown or malformed link with a refusal page and nothing else", async () => {
    for (const token of ["x".repeat(43), "short", "%3Cscript%3E"]) {
      const res = await fetch(`${bot.url}/dashboard/sign-in/${token}`);
      expect(res.status).toBe(401);
      const page = await res.text();
      expect(page).not.toContain("<script");
      expect(page).toContain("Lien non reconnu");
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'; style-src 'nonce-/);
    }
  });

  it("gives the exports router { personId, locale } with a session, and the 401 page without", async () => {
    const none = await fetch(exportsUrl);
    expect(none.status).toBe(401);
    expect(await none.text()).toContain("/cagnotte dashboard");
    const id = await session();
    const res = await fetch(exportsUrl, { headers: { cookie: `${COOKIE}=${id}` } });
    expect(res.status).toBe(200);
    const boss = await bot.ctx.store.people.findByEmail(BOSS);
    expect(await res.json()).toEqual({ personId: boss!.id, locale: "fr" });
    // The same check on the dashboard page: a forged cookie opens nothing.
    expect((await fetch(exportsUrl, { headers: { cookie: `${COOKIE}=${"A".repeat(43)}` } })).status).toBe(401);
  });

  it("ends the session only with sign-out's anti-forgery value", async () => {
    const id = await session();
    const cookie = { cookie: `${COOKIE}=${id}` };
    expect((await post(`${bot.url}/dashboard/sign-out`, cookie, "csrf=wrong")).status).toBe(403);
    expect((await post(`${bot.url}/dashboard/sign-out`, { ...cookie, origin: "https://evil.example" }, `csrf=${csrfToken(id)}`)).status).toBe(403);
    expect((await fetch(exportsUrl, { headers: cookie })).status).toBe(200);
    const out = await post(`${bot.url}/dashboard/sign-out`, cookie, `csrf=${csrfToken(id)}`);
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`^${COOKIE}=;`));
    expect((await fetch(exportsUrl, { headers: cookie })).status).toBe(401);
  });

  it("ends a session after 8 hours", async () => {
    const id = await session();
    clock.advance(8 * 3_600_000 - 1_000);
    expect((await fetch(exportsUrl, { headers: { cookie: `${COOKIE}=${id}` } })).status).toBe(200);
    clock.advance(2_000);
    expect((await fetch(exportsUrl, { headers: { cookie: `${COOKIE}=${id}` } })).status).toBe(401);
  });

  it("checks management again when the link is used and on every request", async () => {
    const { token } = await link();
    const demoted = { ...bot.ctx, admins: [] };
    expect(await signIn(demoted, { token, browserLocale: null })).toEqual({ ok: false, reason: "not-management" });
    expect(await requestDashboardLink(bot.ctx, { email: "someone@client.example", personId: null })).toEqual({ ok: false, reason: "not-management" });
    const id = await session();
    const app = express();
    app.get("/x", requireDashboardSession(demoted), (_req, res) => void res.send("open"));
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const address = server.address();
    const res = await fetch(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/x`, { headers: { cookie: `${COOKIE}=${id}` } });
    await new Promise((resolve) => server.close(resolve));
    expect(res.status).toBe(401);
  });

  it("keeps only hashes of links and sessions in the database, and audits sign-ins", async () => {
    const { token } = await link();
    const id = await session();
    const db = (bot.ctx.store as unknown as { db: Db }).db;
    const stored = JSON.stringify([await db.dashboardLink.findMany(), await db.dashboardSession.findMany()]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(id);
    const actions = (await bot.ctx.store.audit.latest(100)).map((a) => a.action);
    expect(actions).toContain("dashboard.sign-in");
    expect(actions).toContain("dashboard.sign-in-refused");
  });
});
