// The web answer page behind `surveyUrl`, on the real HTTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { escapeHtml } from "../../src/adapters/http/web-survey/html.js";
import { localeFromAcceptLanguage } from "../../src/adapters/http/web-survey/texts.js";
import { startTestBot } from "../support/running-bot.js";
import { ticketEvent } from "../support/fixtures.js";

let bot: Awaited<ReturnType<typeof startTestBot>>;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot.stop());

async function newSurveyPath(title = "Imprimante <script>alert(1)</script>") {
  const r = await ticketClosed(bot.ctx, ticketEvent({ title }));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  return new URL(r.surveyUrl).pathname;
}

const post = (path: string, form: Record<string, string>, lang = "fr") =>
  fetch(`${bot.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { "accept-language": lang }, redirect: "manual" });

describe("web answer page", () => {
  it("shows the survey in the browser's language, with helpdesk text escaped", async () => {
    const path = await newSurveyPath();
    const fr = await fetch(`${bot.url}${path}`, { headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" } });
    expect(fr.status).toBe(200);
    expect(fr.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await fr.text();
    expect(page).toContain("Efficace");
    expect(page).toContain("ne vous apporte aucune contrepartie");
    expect(page).toContain("Imprimante &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>");
    const en = await (await fetch(`${bot.url}${path}`, { headers: { "accept-language": "en-GB" } })).text();
    expect(en).toContain("Great");
  });

  it("records an answer once, counts the comment, then lets the requester withdraw it", async () => {
    const path = await newSurveyPath();
    const missing = await post(path, { comment: "sans note" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Choisissez une évaluation.");

    const ok = await post(path, { rating: "3", comment: "Merci <b>Camille</b> !", share: "on" });
    expect(ok.status).toBe(200);
    const thanks = await ok.text();
    expect(thanks).toContain("Merci pour votre réponse");
    expect(thanks).toMatch(/ajoute 1,00\s€ à la cagnotte/);
    expect(thanks).toContain("Retirer mon commentaire");

    expect((await post(path, { rating: "1" })).status).toBe(409);
    const withdrawn = await post(`${path}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.text()).toContain("Votre commentaire a été effacé.");
    expect((await post(`${path}/withdraw`, {})).status).toBe(409);
  });

  it("answers 404 for an unknown link", async () => {
    const res = await post("/s/not-a-token", { rating: "3", comment: "x" });
    expect(res.status).toBe(404);
  });
});

describe("page helpers", () => {
  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  it("picks the preferred of French and English", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,fr;q=0.8", "fr")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.5,en;q=0.4", "en")).toBe("fr");
    expect(localeFromAcceptLanguage("de", "fr")).toBe("fr");
    expect(localeFromAcceptLanguage(undefined, "en")).toBe("en");
  });
});
