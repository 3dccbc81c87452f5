// Ten quarterly campaigns (2024-Q3 … 2026-Q4, the last one current), seeded through the use cases
// themselves (ticketClosed, answerSurvey, rollover, recordPayout) so that every figure is what the
// bot would have recorded: ratings of every level, answers without comment, surveys never answered,
// one client at its cap, a comment waiting for moderation, payouts equal, different and missing.
// It also returns what it did, counted by hand, for tests to compare the figures with.
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { rolloverCampaigns } from "../../src/app/lifecycle/rollover-campaigns.js";
import { recordPayout } from "../../src/app/management/record-payout.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { quarterStarting, quarterLabel } from "../../src/core/campaign/quarter.js";
import type { FixedClock } from "./fixtures.js";

export const SEEDED_QUARTERS = [
  [2024, 3], [2024, 4], [2025, 1], [2025, 2], [2025, 3], [2025, 4], [2026, 1], [2026, 2], [2026, 3], [2026, 4],
] as const;
/** The moment the seed leaves the clock at: in 2026-Q4, the current campaign. */
export const SEEDED_NOW = new Date("2026-11-20T10:00:00Z");
export const SEED_MANAGER = "boss@esn.example";

export interface SeededCampaign {
  label: string;
  surveys: number;
  answers: number;
  positive: number;
  counted: number;
  /** Paid amount (null: unpaid or still open). */
  paidCents: number | null;
}

const TECHNICIANS = [
  { email: "camille@esn.example", name: "Camille Martin" },
  { email: "yanis@esn.example", name: "Yanis Durand" },
  { email: "lea@esn.example", name: "Léa <b>Petit</b>" },
];
const CLIENTS = [
  { id: "client-1", name: "Client SA" },
  { id: "client-2", name: "Acme & Fils" },
  { id: "client-3", name: "Big Co" },
];
const RATINGS = [3, 3, 2, 3, 1, 3, 2, 3];

export async function seedCampaigns(ctx: AppContext, clock: FixedClock): Promise<SeededCampaign[]> {
  const seeded: SeededCampaign[] = [];
  let ticket = 0;
  for (const [index, [year, quarter]] of SEEDED_QUARTERS.entries()) {
    const current = index === SEEDED_QUARTERS.length - 1;
    const q = quarterStarting(year, quarter, ctx.rules.timeZone);
    clock.set(current ? SEEDED_NOW : new Date(q.startsAt.getTime() + 20 * 86_400_000));
    const line: SeededCampaign = { label: quarterLabel({ year, quarter }), surveys: 0, answers: 0, positive: 0, counted: 0, paidCents: null };
    // 2025-Q4: one client's requesters write 12 comments, over the cap of 10 per client.
    const big = year === 2025 && quarter === 4;
    const answered = big ? 12 : 3 + ((index * 5) % 6);
    const unanswered = 1 + (index % 3);
    for (let i = 0; i < answered + unanswered; i++) {
      ticket += 1;
      const client = big ? CLIENTS[2]! : CLIENTS[i % CLIENTS.length]!;
      const requester = big ? `big${i % 4}@bigco.example` : `r${ticket}@client.example`;
      const r = await ticketClosed(ctx, {
        source: "generic", ticketId: `S-${ticket}`, title: "Poste lent", kind: "incident", closedAt: clock.now(),
        requester: { email: requester, name: `Demandeur ${ticket}` },
        technician: TECHNICIANS[(index + i) % TECHNICIANS.length]!,
        client,
      });
      if (r.status !== "scheduled") throw new Error(`seed: ticket not scheduled (${r.reason})`);
      line.surveys += 1;
      if (i >= answered) continue;
      const context = await ctx.store.surveys.findContext(r.surveyId);
      const rating = RATINGS[(index + i) % RATINGS.length]!;
      // Every fourth answer without comment; in the current quarter one comment for management to review.
      const insult = current && i === 1;
      const comment = insult ? "Putain, enfin réparé après trois jours" : !big && i % 4 === 3 ? null : `Merci pour l'intervention n°${ticket}, c'était rapide`;
      const a = await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: context!.survey.token }, rating, comment });
      if (!a.ok) throw new Error(`seed: answer refused (${a.refusal.code})`);
      line.answers += 1;
      if (rating === 3) line.positive += 1;
      if (a.counted) line.counted += 1;
    }
    seeded.push(line);
    if (current) break;
    // The quarter ends: the rollover closes it; management pays all but the last closed one,
    // one of them a different amount with its reason.
    const next = SEEDED_QUARTERS[index + 1]!;
    clock.set(new Date(quarterStarting(next[0], next[1], ctx.rules.timeZone).startsAt.getTime() + 86_400_000));
    await rolloverCampaigns(ctx, clock.now());
    if (index < SEEDED_QUARTERS.length - 2) {
      const differs = index === 2;
      const amountCents = line.counted * ctx.rules.amountCents + (differs ? 500 : 0);
      if (amountCents > 0) {
        const p = await recordPayout(ctx, { actorEmail: SEED_MANAGER, campaignLabel: line.label, amountCents, reference: `VIR-${line.label}`, reason: differs ? "arrondi par la direction" : null });
        if (!p.ok) throw new Error(`seed: payout refused (${p.reason})`);
        line.paidCents = amountCents;
      }
    }
  }
  clock.set(SEEDED_NOW);
  return seeded;
}
