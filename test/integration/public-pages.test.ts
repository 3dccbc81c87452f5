// What anyone may read, on the real HTTP app over a real SQLite file: the règlement, the privacy
// notice and the terms as configured (French and English), the current pot and every campaign's totals, with no personal data.
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { createHttpApp } from "../../src/adapters/http/http-app.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Store } from "../../src/ports/store.js";
import { textsFor } from "../../src/i18n/index.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, testRules, ticketEvent } from "../support/fixtures.js";
import { visibleTexts } from "../support/html-page.js";

let store: Store & { db: Db };
let close: () => Promise<void>;
let server: Server;
let url: string;
let ctx: AppContext;
const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));

beforeAll(async () => {
  ({ store, close } = await openTestStore("sqlite"));
  ctx = testContext(store, clock, { rules: { ...testRules, contact: "support@esn.example" } });
  await store.charities.add({ name: "Rêves de Gosse", now: clock.now() });
  for (const [email, comment] of [["marie@client.example", "Merci Camille, intervention parfaite"], ["paul@client.example", null]] as const) {
    const r = await ticketClosed(ctx, ticketEvent({ requester: { email, name: "Marie Dupont" } }));
    if (r.status !== "scheduled") throw new Error(r.reason);
    const context = (await store.surveys.findContext(r.surveyId))!;
    await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment });
  }
  const app = createHttpApp(ctx, { ticketWebhookSecret: "s", retentionDays: 180 });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
});

describe("GET /reglement", () => {
  it.each(["fr", "en"] as const)("shows the rules as configured, in %s", async (locale) => {
    const res = await fetch(`${url}/reglement`, { headers: { "accept-language": locale === "fr" ? "fr-FR" : "en-GB,en;q=0.9" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = await res.text();
    expect(body).toContain(`<html lang="${locale}">`);
    const shown = visibleTexts(body).join("\n").replace(/[\u202f\u00a0]/g, " ");
    const t = textsFor(locale).reglement;
    expect(shown).toContain(t.title);
    expect(shown).toContain(locale === "fr" ? "ajoute 1,00 €" : "adds €1.00");
    expect(shown).toContain(locale === "fr" ? "au plus 3 commentaires comptés par personne et 10 par société" : "at most 3 counted comments per person and 10 per client company");
    expect(shown).toContain("2026-Q4");
    expect(shown).toContain("Rêves de Gosse");
    expect(shown).toContain(t.rights(90)[3]);
    expect(shown).toContain("support@esn.example");
    expect(body).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe("GET /privacy and GET /terms (the Teams manifest's links)", () => {
  it.each(["fr", "en"] as const)("show the privacy notice and the terms with this installation's settings, in %s", async (locale) => {
    const headers = { "accept-language": locale === "fr" ? "fr-FR" : "en-GB,en;q=0.9" };
    const t = textsFor(locale).legal;
    const privacy = await fetch(`${url}/privacy`, { headers });
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get("content-security-policy")).toContain("default-src 'none'");
    const privacyBody = await privacy.text();
    expect(privacyBody).toContain(`<html lang="${locale}">`);
    const shownPrivacy = visibleTexts(privacyBody).join("\n");
    expect(shownPrivacy).toContain(t.privacyTitle);
    expect(shownPrivacy).toContain(t.keeping(180, 90)[1]); // CAGNOTTE_RETENTION_DAYS
    expect(shownPrivacy).toContain(t.contact("support@esn.example")); // CAGNOTTE_CONTACT
    // Requesters reached by e-mail learn how to stop the surveys, with the label the mail's link bears.
    const unsubscribe = textsFor(locale).mail.unsubscribeLink;
    expect(shownPrivacy).toContain(locale === "fr" ? `« ${unsubscribe} »` : `“${unsubscribe}”`);
    expect(privacyBody).toContain('href="http://localhost:3978/reglement"');

    const terms = await fetch(`${url}/terms`, { headers });
    expect(terms.status).toBe(200);
    const shownTerms = visibleTexts(await terms.text()).join("\n");
    expect(shownTerms).toContain(t.termsTitle);
    expect(shownTerms).toContain(t.termsItems(90)[1]);
    expect(shownTerms).toContain("support@esn.example");
  });
});

describe("public figures", () => {
  it("GET /api/pot adds the number of answers", async () => {
    const pot = (await (await fetch(`${url}/api/pot`)).json()) as Record<string, unknown>;
    expect(pot).toMatchObject({ campaign: "2026-Q4", charity: "Rêves de Gosse", amountCents: 100, count: 1, answers: 2 });
  });

  it("GET /api/campaigns lists every campaign's totals and payout date, with no name, e-mail or comment", async () => {
    const res = await fetch(`${url}/api/campaigns`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      campaigns: [
        { campaign: "2026-Q4", charity: "Rêves de Gosse", amountCents: 100, amount: "1.00", currency: "EUR", answers: 2, countedComments: 1, status: "open", paidOn: null, paidCents: null },
      ],
    });
    expect(text).not.toMatch(/@|Marie|Camille|parfaite/);
  });
});
