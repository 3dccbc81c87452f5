// The Adaptive Card renderer lays out every neutral message, words nothing of its own, escapes
// user text once, and wires inputs and buttons the way the invoke handler reads them.
import { describe, expect, it } from "vitest";
import { fileCard, MAX_FILE_LINES } from "../../../src/adapters/teams/file-card.js";
import { markdownSafe } from "../../../src/adapters/teams/markdown-safe.js";
import { renderCard } from "../../../src/adapters/teams/render-card.js";
import { textsFor } from "../../../src/i18n/index.js";
import { presentAnswered, presentReply, presentSurvey, type Message } from "../../../src/presenter/index.js";
import { cardProblems } from "../../support/adaptive-card-parser.js";
import { findAction } from "../../support/fake-connector/teams-activities.js";
import { allMessages, answered, hostile, presentation, prompt, replies } from "./sample-replies.js";

type Node = Record<string, unknown>;
const WORDED = ["text", "title", "label", "placeholder", "errorMessage", "fallbackText"];
/** How a string reads inside the card's JSON text. */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

/** Every string the card shows a reader, with where it sits. */
function shownStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) shownStrings(item, out);
  else if (node && typeof node === "object") {
    const record = node as Node;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === "string" && (WORDED.includes(key) || (key === "value" && "title" in record && !("type" in record) && !/^\d+$/.test(value)))) out.push(value);
      else shownStrings(value, out);
    }
  }
  return out;
}

/** Every string a message holds, at any depth (texts, labels, hints, confirmations). */
function messageStrings(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === "string") out.add(node);
  else if (Array.isArray(node)) for (const item of node) messageStrings(item, out);
  else if (node && typeof node === "object" && !(node instanceof Date)) for (const value of Object.values(node)) messageStrings(value, out);
  return out;
}

function elements(card: unknown, type: string): Node[] {
  const found: Node[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      if ((node as Node).type === type) found.push(node as Node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe("Adaptive Card renderer", () => {
  for (const locale of ["fr", "en"] as const) {
    describe(`in ${locale}`, () => {
      it.each(allMessages(locale).map((m) => [m.name, m.message] as const))("lays out %s: parseable, user text escaped, no word of its own", (_name, message: Message) => {
        const card = renderCard(message);
        expect(cardProblems(card)).toEqual([]);
        const json = JSON.stringify(card);
        expect(json).not.toContain("**gras**");
        expect(json).not.toContain("[lien](https://");
        expect(json).not.toContain("{{DATE(2026-01-01");
        expect(json).not.toContain("<b>");
        const allowed = messageStrings(message);
        const escaped = new Set([...allowed].map(markdownSafe));
        for (const shown of shownStrings(card)) {
          const bare = shown.replace(/^• /, "").replace(/ \{\{DATE\([0-9TZ:-]+, SHORT\)\}\}$/, "");
          // The règlement line: a sentence, then a Markdown link whose label is a text of the message.
          const link = /^(.*) \[(.*)\]\((https?:\/\/[^)\s]+)\)$/.exec(bare);
          const parts = link ? [link[1] ?? "", link[2] ?? ""] : [bare];
          for (const part of parts) expect(allowed.has(part) || escaped.has(part), `"${shown}" is not a text of the message`).toBe(true);
        }
      });
    });
  }

  it("shows every fact of a status report, escaped (the same facts as the other renderers)", () => {
    const message = presentReply(replies[0]!, presentation("fr"));
    const json = JSON.stringify(renderCard(message));
    for (const block of message.blocks) {
      if (block.type !== "facts") continue;
      for (const fact of block.facts) expect(json).toContain(inJson(markdownSafe(fact.value)));
    }
  });

  it("keeps ${…} in user text as typed: bound data is never expanded", () => {
    expect(JSON.stringify(renderCard(presentAnswered(answered, presentation("fr"))))).toContain("${secret}");
  });

  it("colours the title by tone", () => {
    const title = (message: Message) => (renderCard(message).body as Node[])[0];
    const base = { summary: "s", blocks: [] };
    expect(title({ ...base, title: "a", tone: "good" })).toMatchObject({ text: "a", color: "Good" });
    expect(title({ ...base, title: "a", tone: "attention" })).toMatchObject({ color: "Attention" });
    expect(title({ ...base, title: "a", tone: "accent" })).toMatchObject({ color: "Accent" });
    expect(title({ ...base, title: "a", tone: "default" })).toMatchObject({ color: "Default" });
  });

  it("asks the survey with a required expanded choice, a bounded multiline comment, the sharing toggle and the deadline in the reader's time zone", () => {
    const en = textsFor("en");
    const card = renderCard(presentSurvey(prompt, presentation("en")));
    const choice = elements(card, "Input.ChoiceSet")[0];
    expect(choice).toMatchObject({ id: "rating", style: "expanded", isRequired: true, errorMessage: en.survey.ratingRequired, label: en.survey.ratingLegend });
    expect((choice?.choices as Node[]).map((c) => c.value)).toEqual(["5", "4", "3", "2", "1"]);
    expect((choice?.choices as Node[])[0]).toMatchObject({ title: "Excellent \\(5/5\\)" });
    expect(elements(card, "Input.Text")[0]).toMatchObject({ id: "comment", isMultiline: true, maxLength: 1000, placeholder: en.survey.commentPlaceholder });
    expect(elements(card, "Input.Toggle")[0]).toMatchObject({ id: "share", valueOn: "true", valueOff: "false", label: en.survey.sharing });
    const json = JSON.stringify(card);
    expect(json).toContain(`${en.survey.openUntil} {{DATE(2026-12-04T10:00:00Z, SHORT)}}`);
    expect(json).toContain("gentle reminder");
    expect(findAction(card, "survey.answer")).toMatchObject({ style: "positive", data: { surveyId: "s-1" } });
    // The règlement's address cannot close the link early.
    expect(json).toContain(`${inJson(markdownSafe(en.survey.rulesLine))} [${en.survey.rulesLink}](https://cagnotte.example/reglement?x=%281%29)`);
  });

  it("puts a refused answer's reason above the survey shown again", () => {
    const card = renderCard(presentSurvey(prompt, presentation("fr")), { alert: "Note **invalide**" });
    expect((card.body as Node[])[1]).toMatchObject({ text: "Note \\*\\*invalide\\*\\*", color: "Attention" });
    expect(cardProblems(card)).toEqual([]);
  });

  it("asks before withdrawing a comment, and offers it only when there is a comment", () => {
    const fr = textsFor("fr").answer;
    const card = renderCard(presentAnswered(answered, presentation("fr")));
    const show = elements(card, "Action.ShowCard")[0];
    expect(show).toMatchObject({ title: fr.withdraw });
    expect(JSON.stringify(show)).toContain(fr.withdrawConfirmText);
    expect(findAction(show, "comment.withdraw")).toMatchObject({ title: fr.withdrawConfirm, style: "destructive", data: { answerId: "a1" } });
    expect(() => findAction(renderCard(presentAnswered({ ...answered, comment: null }, presentation("fr"))), "comment.withdraw")).toThrow();
  });

  it("gives each moderation item approve and reject buttons that carry its id", () => {
    const card = renderCard(presentReply(replies[6]!, presentation("en")));
    expect(findAction(card, "moderation.approve", 0)).toMatchObject({ title: textsFor("en").management.approve, data: { itemId: "m-1" } });
    expect(findAction(card, "moderation.reject", 1)).toMatchObject({ style: "destructive", data: { itemId: "m-2" } });
  });

  it("lists the help in two parts, with Teams' own commands", () => {
    const json = JSON.stringify(renderCard(presentReply({ kind: "help", management: true }, presentation("en"), { management: ["teamsChannel"], everyone: ["teamsDemo"] })));
    const h = textsFor("en").help;
    expect(json).toContain(h.everyone);
    expect(json).toContain(h.management);
    expect(json).toContain(inJson(markdownSafe(h.line("cagnotte ", h.teamsChannel))));
    expect(json).toContain(inJson(markdownSafe(h.line("cagnotte ", h.teamsDemo))));
  });

  it("the check sees a sentence the renderer would add (it can fail)", () => {
    const message = presentAnswered(answered, presentation("en"));
    const card = renderCard(message);
    (card.body as Node[]).push({ type: "TextBlock", text: "Thanks from Teams!" });
    const allowed = messageStrings(message);
    expect(shownStrings(card).filter((s) => !allowed.has(s) && !allowed.has(s.replace(/\\/g, "")))).toContain("Thanks from Teams!");
  });
});

describe("file card", () => {
  it("shows a CSV export in the card, cut after a bounded number of lines, the cut worded by the catalogue", () => {
    const content = ["h1,h2", `${hostile},1`, ...Array.from({ length: 100 }, (_, i) => `row${i},${i}`)].join("\n");
    const reply = { kind: "file" as const, filename: "x.csv", contentType: "text/csv", content, title: { of: "export" as const, exportKind: "answers", rows: 101 } };
    const card = fileCard(reply, presentReply(reply, presentation("en")), "en");
    const json = JSON.stringify(card);
    expect(json).toContain("row0,0");
    expect(json).not.toContain("row99,99");
    expect(json).not.toContain("**gras**");
    expect(json).toContain(textsFor("en").management.fileTruncated(102 - MAX_FILE_LINES));
    expect(json).toContain("answers export");
    expect(cardProblems(card)).toEqual([]);
  });
});

describe("the card check itself", () => {
  it("reports unknown elements and invalid values, so a clean result means something", () => {
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlok", text: "x" }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Input.Text" }] }).length).toBeGreaterThan(0);
  });
});
