// One of every neutral message the bot shows in Teams, with hostile user text wherever a person's
// words (names, ticket titles, comments, charity names) can appear.
import type { ChatContent, CommandReply } from "../../../src/core/views.js";
import type { Locale } from "../../../src/core/model.js";
import { presentAnswered, presentContent, presentRefusal, presentReply, presentSurvey, type Message, type Presentation } from "../../../src/presenter/index.js";

export const hostile = "**gras** [lien](https://evil.example) ${secret} <b>x</b> {{DATE(2026-01-01T00:00:00Z)}}";

export const presentation = (locale: Locale): Presentation => ({ locale, timeZone: "Europe/Paris", commandPrefix: "cagnotte ", milestoneCents: 1000 });

export const prompt = {
  surveyId: "s-1", surveyUrl: "http://x/s/t", ticketRef: "#T-1", ticketTitle: hostile, technicianName: "Camille", clientName: "Client SA",
  ratingScale: 5 as const, amountCents: 100, caps: { perRequester: 3, perClient: 10 }, expiresAt: new Date("2026-12-04T10:00:00.000Z"), reminder: true,
  rulesUrl: "https://cagnotte.example/reglement?x=(1)",
};

export const answered = {
  surveyId: "s-1", answerId: "a1", ticketRef: "#T-1", ticketTitle: hostile, rating: 3, ratingScale: 3, comment: hostile, shareConsent: true, addedCents: 100, withdrawn: null,
};

const note = { answerId: "a1", rating: 3, ratingScale: 3, comment: hostile, commentRemoved: null, requesterName: hostile, clientName: "Client SA", ticketRef: "#T-1", ticketTitle: null };
const progress = { campaignId: "c", campaignLabel: "T4 2026", charityName: hostile, amountCents: 1200, countedComments: 12, daysLeft: 3, milestoneCents: 1000, sharedComment: hostile, sharedAnswerId: "a1", commentRemoved: null };

export const contents: ChatContent[] = [
  { kind: "survey", prompt },
  { kind: "survey", prompt: { ...prompt, ratingScale: 3, reminder: false, clientName: null } },
  { kind: "thank-you", note: { ...note, addedCents: 100, potCents: 1200 } },
  { kind: "follow-up", note: { ...note, rating: 1, technicianName: hostile } },
  { kind: "follow-up", note: { ...note, rating: 1, technicianName: "Camille", comment: null } },
  { kind: "progress", progress },
  { kind: "milestone", progress },
  { kind: "shared-comment", progress },
  { kind: "notice", notice: { kind: "choose-charity", campaignLabel: "T1 2027" } },
  { kind: "notice", notice: { kind: "payout-reminder", campaignLabel: "T4 2026", charityName: hostile, amountCents: 4200 } },
  { kind: "team-post", post: { kind: "campaign-closed", figures: { campaignLabel: "T4 2026", charityName: hostile, amountCents: 4200, countedComments: 42, answers: 60, positiveShare: 0.9, early: false } } },
  { kind: "team-post", post: { kind: "campaign-opened", campaignLabel: "T1 2027", charityName: null } },
  { kind: "team-post", post: { kind: "weekly-digest", campaignLabel: "T4 2026", praise: 5, answers: 9, positiveShare: null, potCents: 500, charityName: hostile } },
];

export const replies: CommandReply[] = [
  {
    kind: "status",
    report: {
      campaignId: "c1", campaignLabel: "T4 2026", charityName: hostile, needsCharity: true, open: true, amountCents: 1200, countedComments: 12,
      answers: 20, surveys: 30, responseRate: 0.666, positiveShare: 0.9, daysLeft: 36,
      management: { topTechnicians: [{ name: hostile, praiseCount: 4 }], pendingModeration: 2, requestersAtCap: 1, clientsAtCap: 0 },
    },
  },
  {
    kind: "history",
    history: {
      campaigns: [
        { campaignLabel: "T3 2026", charityName: "Rêves", amountCents: 4200, countedComments: 42, answers: 50, status: "closed", payout: { amountCents: 4000, paidOn: new Date("2026-10-05"), reference: hostile, reason: hostile } },
        { campaignLabel: "T4 2026", charityName: null, amountCents: 100, countedComments: 1, answers: 3, status: "open", payout: null },
      ],
      totalGivenCents: 4200,
    },
  },
  { kind: "help", management: true },
  { kind: "help", management: false },
  { kind: "charities", charities: [{ id: "ch1", name: hostile, description: null, url: "https://reves.example", queuePosition: 1, vetting: { on: new Date("2026-10-01"), by: hostile } }], current: { campaignLabel: "T4 2026", charityName: hostile } },
  { kind: "charities", charities: [], current: null },
  {
    kind: "moderation-queue",
    items: [
      { id: "m-1", answerId: "a1", verdict: "review", comment: hostile, terms: ["idiot"], ticketRef: "#T-1", requesterName: hostile, clientName: "Client SA", createdAt: new Date("2026-11-20T10:00:00Z") },
      { id: "m-2", answerId: "a2", verdict: "review", comment: "Bof", terms: [], ticketRef: "#T-2", requesterName: null, clientName: null, createdAt: new Date("2026-11-21T10:00:00Z") },
    ],
  },
  { kind: "moderation-queue", items: [] },
  { kind: "audit", entries: [{ at: new Date("2026-11-20T10:00:00Z"), actor: hostile, action: "override", subject: hostile, reason: hostile }] },
  { kind: "audit", entries: [] },
  { kind: "done", done: { kind: "charity-added", name: hostile } },
  { kind: "done", done: { kind: "channel-set" } },
  { kind: "refused", refusal: { code: "not-management" } },
  { kind: "refused", refusal: { code: "unknown-command", detail: hostile } },
];

/** Every message above, plus the answered survey in its three states, in one language. */
export function allMessages(locale: Locale): { name: string; message: Message }[] {
  const p = presentation(locale);
  return [
    ...contents.map((c, i) => ({ name: `${c.kind} #${i}`, message: presentContent(c, p) })),
    ...replies.map((r, i) => ({ name: `${r.kind} #${i}`, message: presentReply(r, p, { management: ["teamsChannel"], everyone: ["teamsDemo"] }) })),
    { name: "answered", message: presentAnswered(answered, p) },
    { name: "answered, no comment", message: presentAnswered({ ...answered, comment: null, addedCents: 0 }, p) },
    { name: "answered, withdrawn", message: presentAnswered({ ...answered, comment: null, withdrawn: { reversedCents: 100 } }, p) },
    { name: "survey (direct)", message: presentSurvey(prompt, p) },
    { name: "refusal", message: presentRefusal({ code: "survey-expired" }, p) },
  ];
}
