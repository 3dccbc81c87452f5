// Forged Bot Framework tokens on POST /api/messages, against a local copy of the Bot Framework's
// key set (one RSA key, id "k1"): `alg: none`, HS256 with a made-up key, RS256 signed with another
// key, an unknown key id, an expired token. Each gets 401 — it was 500 with the library's error
// text — and botbuilder's console lines (stack traces) stay out of stdout/stderr. A token signed
// with the published key is still accepted.
import { createSign, generateKeyPairSync, createHmac, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpApp } from "../../src/adapters/http/http-app.js";
import { teamsAdapter } from "../../src/adapters/teams/teams-adapter.js";
import { commandTable } from "../../src/app/commands/run-command.js";
import { managementCommands } from "../../src/app/commands/management-commands.js";
import type { Logger } from "../../src/ports/logger.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext } from "../support/fixtures.js";

const APP_ID = "6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33";
const ISSUER = "https://api.botframework.com";
const published = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
function rs256(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const data = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64(claims)}`;
  return `${data}.${createSign("RSA-SHA256").update(data).sign(key).toString("base64url")}`;
}
function hs256(secret: string, claims: Record<string, unknown>): string {
  const data = `${b64({ alg: "HS256", typ: "JWT", kid: "k1" })}.${b64(claims)}`;
  return `${data}.${createHmac("sha256", secret).update(data).digest("base64url")}`;
}

let keys: Server;
let bot: Server;
let botUrl: string;
let closeDb: () => Promise<void>;
const warnings: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (obj, msg) => void warnings.push(`${typeof obj === "string" ? obj : JSON.stringify(obj)} ${msg ?? ""}`),
  error: () => {},
  child: () => logger,
};
const consoleError = vi.spyOn(console, "error");
const consoleWarn = vi.spyOn(console, "warn");

const activity = (serviceUrl: string) => ({
  type: "message",
  id: "1",
  channelId: "msteams",
  serviceUrl,
  from: { id: "29:x", aadObjectId: "aad-x" },
  recipient: { id: `28:${APP_ID}` },
  conversation: { id: "a:x", conversationType: "personal" },
  text: "status",
});

beforeAll(async () => {
  const jwk = published.publicKey.export({ format: "jwk" });
  keys = createServer((req, res) => {
    const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
    res.setHeader("content-type", "application/json");
    if (req.url === "/openid") res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
    else res.end(JSON.stringify({ keys: [{ ...jwk, kid: "k1", use: "sig", endorsements: ["msteams"] }] }));
  });
  await new Promise<void>((resolve) => keys.listen(0, "127.0.0.1", resolve));
  const db = await openTestStore("sqlite");
  closeDb = db.close;
  const ctx = testContext(db.store, new FixedClock(new Date()), { logger });
  const teams = teamsAdapter(ctx, { appId: APP_ID, appPassword: "secret", appType: "MultiTenant", tenantId: null, local: false }, commandTable(managementCommands), {
    openIdMetadataUrl: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/openid`,
  });
  const app = createHttpApp(ctx, { ticketWebhookSecret: "unused", routers: [teams.router] });
  bot = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => bot?.close(() => resolve()));
  await new Promise<void>((resolve) => keys?.close(() => resolve()));
  await closeDb?.();
  consoleError.mockRestore();
  consoleWarn.mockRestore();
});

describe("forged Teams tokens", () => {
  it("get 401 without the library's text, and botbuilder prints nothing", async () => {
    const serviceUrl = "http://127.0.0.1:9/";
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600 };
    const tokens: Record<string, string> = {
      "alg none": `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`,
      "HS256, made-up key": hs256("made-up", claims),
      "RS256, another key": rs256(other.privateKey, "k1", claims),
      "RS256, unknown key id": rs256(other.privateKey, "k9", claims),
      "RS256, expired": rs256(published.privateKey, "k1", { ...claims, nbf: now - 7200, exp: now - 3600 }),
      "not a JWT": "abc",
    };
    const results: Record<string, { status: number; body: string }> = {};
    for (const [name, token] of Object.entries(tokens)) {
      const res = await fetch(`${botUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(activity(serviceUrl)) });
      results[name] = { status: res.status, body: await res.text() };
    }
    const genuine = await fetch(`${botUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${rs256(published.privateKey, "k1", claims)}` },
      body: JSON.stringify(activity(serviceUrl)),
    });
    for (const [name, r] of Object.entries(results)) console.log(`forged Teams token: ${name}: ${r.status} ${JSON.stringify(r.body)}`);
    console.log(`genuine token: ${genuine.status}; botbuilder console lines that reached the console: ${consoleError.mock.calls.length + consoleWarn.mock.calls.length}; refusals logged: ${warnings.filter((w) => w.includes("request refused")).length}`);
    for (const r of Object.values(results)) {
      expect(r.status).toBe(401);
      expect(r.body).not.toMatch(/invalid|algorithm|signature|jwt|key/i);
    }
    expect(genuine.status).not.toBe(401); // the published key still authenticates
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(warnings.filter((w) => w.includes("request refused"))).toHaveLength(Object.keys(tokens).length);
  });
});
