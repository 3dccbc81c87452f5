// Links that carry their own permission: the chart pictures chat messages show and the export
// download Teams gets. A link is `<payload>.<signature>`: the payload (what, for whom, until when)
// in base64url JSON, signed with HMAC-SHA256 under a key of this installation. Nothing is stored
// per link, so every instance checks any link; a wrong signature, a changed payload or a link
// made for another purpose is refused, and an expired one is told apart (410 rather than 404).
//
// The key: 32 random bytes made once and kept in the database (Setting `links.signing-key`), the
// first instance to need it creates it and the others read it. Deleting that row voids every link.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../context.js";

export type LinkPurpose = "chart" | "export";
export type LinkData = Record<string, string | number | null>;

export type LinkCheck<T extends LinkData = LinkData> = { ok: true; data: T; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

const KEY_SETTING = "links.signing-key";
/** Links longer than this are not ours (the payloads are a few hundred bytes). */
const MAX_TOKEN = 1_024;
const keys = new WeakMap<AppContext["store"], Promise<Buffer>>();

function signingKey(ctx: AppContext): Promise<Buffer> {
  let key = keys.get(ctx.store);
  if (!key) {
    key = (async () => {
      const stored = (await ctx.store.settings.get(KEY_SETTING)) ?? (await ctx.store.settings.createIfAbsent(KEY_SETTING, randomBytes(32).toString("base64url"), ctx.clock.now()));
      return Buffer.from(stored, "base64url");
    })();
    const pending = key;
    keys.set(ctx.store, pending);
    // A failed read is not kept: the next link tries again.
    pending.catch(() => keys.get(ctx.store) === pending && keys.delete(ctx.store));
  }
  return key;
}

const sign = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest();

/**
 * The last links signed, per key: a link names whole seconds, so a burst of management `status`
 * asks for the same link many times in a second (an HMAC each: a tenth of a management status
 * answer's own work in a CPU profile).
 */
const signed = new WeakMap<Buffer, Map<string, string>>();
const KEPT_LINKS = 64;

export async function signLink(ctx: AppContext, purpose: LinkPurpose, data: LinkData, expiresAt: Date): Promise<string> {
  const key = await signingKey(ctx);
  const json = JSON.stringify({ p: purpose, e: Math.floor(expiresAt.getTime() / 1000), d: data });
  let kept = signed.get(key);
  if (!kept) signed.set(key, (kept = new Map()));
  let link = kept.get(json);
  if (link === undefined) {
    const payload = Buffer.from(json).toString("base64url");
    link = `${payload}.${sign(key, payload).toString("base64url")}`;
    if (kept.size >= KEPT_LINKS) kept.clear();
    kept.set(json, link);
  }
  return link;
}

export async function checkLink<T extends LinkData = LinkData>(ctx: AppContext, purpose: LinkPurpose, token: string): Promise<LinkCheck<T>> {
  const invalid = { ok: false, reason: "invalid" } as const;
  if (token.length > MAX_TOKEN) return invalid;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return invalid;
  const [, payload = "", signature = ""] = match;
  const expected = sign(await signingKey(ctx), payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return invalid;
  }
  const p = parsed as { p?: unknown; e?: unknown; d?: unknown };
  if (p.p !== purpose || typeof p.e !== "number" || typeof p.d !== "object" || p.d === null) return invalid;
  const expiresAt = new Date(p.e * 1000);
  if (ctx.clock.now().getTime() >= expiresAt.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, data: p.d as T, expiresAt };
}
