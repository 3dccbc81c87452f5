// The delivery rules, once for every platform: who receives what an outbox message says.
// - a survey or its reminder → the requester; praise → the technician;
// - a poor-rating follow-up and every notice → each manager (CAGNOTTE_ADMINS);
// - a team post → the team channel of every platform;
// - the pot's progress → on every platform, the campaign's progress message edited in place, plus
//   a new post when a milestone was crossed and another quoting a comment its author agreed to share;
// - a comment's fate changed (withdrawn, forgotten, retracted, reported, approved) → every copy
//   already sent that quotes it, edited in place on the platform that posted it (copies.ts).
// A unit that quotes a comment says which answer (`copyOf`): once sent, its reference is kept
// under "comment:<answerId>:…" so that the copy can be found and edited later.
// A person is reached on the first platform that knows them (see send.ts); each destination is a
// `Unit` with a stable key, so that the partial-failure policy can remember which ones were reached.
import type { ChatContent, Recipient } from "../../core/views.js";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import type { OutboxMessage } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { commentCopies } from "./copies.js";
import { followUpFor, managers, potProgressFor, thankYouFor } from "./contents.js";
import type { MailChannel } from "../../ports/mail-channel.js";
import { personKey, planSurvey, type EmailRoute } from "./survey-route.js";

/** `copyOf`: the answer whose comment this message quotes (or says is gone), to edit it later. */
type Copy = { copyOf?: string };

export type Unit =
  /** `email`: a survey that may (or must) go by e-mail (survey-route.ts). */
  | ({ key: string; to: "person"; person: Recipient; content: ChatContent; email?: EmailRoute } & Copy)
  | ({ key: string; to: "team"; platform: ChatPlatform; content: ChatContent } & Copy)
  /** The campaign's progress message on this platform: edited in place when it exists. */
  | { key: string; to: "progress"; platform: ChatPlatform; campaignId: string; content: ChatContent }
  /** A message posted earlier (`ref`, kept under `purpose`), edited in place on the platform that posted it. */
  | { key: string; to: "edit"; platform: ChatPlatform; purpose: string; ref: string; content: ChatContent };

export type Plan =
  /** `surveyId`: the delivery of this survey is recorded on it (delivered / undeliverable). */
  | { status: "send"; units: Unit[]; surveyId: string | null }
  /** Nothing to send any more; `reason` says why, for the log; `undeliverable`: record that on the survey. */
  | { status: "nothing"; reason: string; undeliverable?: { surveyId: string; reason: string } };

function toEachManager(people: Recipient[], content: ChatContent, copy: Copy = {}): Plan {
  if (people.length === 0) return { status: "nothing", reason: "no manager in CAGNOTTE_ADMINS" };
  return { status: "send", surveyId: null, units: people.map((person) => ({ key: personKey(person), to: "person", person, content, ...copy })) };
}

/** A note that quotes a comment, or says it is gone: a copy to keep track of. */
const copyOfNote = (note: { answerId: string; comment: string | null; commentRemoved: unknown }): Copy =>
  note.comment !== null || note.commentRemoved !== null ? { copyOf: note.answerId } : {};

function toEveryTeam(platforms: readonly ChatPlatform[], content: ChatContent): Unit[] {
  return platforms.map((platform) => ({ key: `team:${platform.name}:${content.kind}`, to: "team", platform, content }));
}

/** `mail`: the e-mail channel, for surveys only (null: not configured). */
/** What goes to people or channels: a helpdesk call (write-back, survey link) is handed to the helpdesk by dispatch instead. */
export type ChatOutboxMessage = Exclude<OutboxMessage, { kind: "helpdesk.write-back" | "helpdesk.survey-link" }>;

export async function planDelivery(ctx: AppContext, platforms: readonly ChatPlatform[], message: ChatOutboxMessage, mail: MailChannel | null = null): Promise<Plan> {
  const repos = ctx.store;
  switch (message.kind) {
    case "survey.deliver":
    case "survey.remind":
      return planSurvey(ctx, message.payload.surveyId, message.kind === "survey.remind", mail);
    case "praise.deliver": {
      const praise = await thankYouFor(repos, message.payload.answerId);
      if (!praise) return { status: "nothing", reason: "answer not found" };
      const content: ChatContent = { kind: "thank-you", note: praise.note };
      return { status: "send", surveyId: null, units: [{ key: personKey(praise.to), to: "person", person: praise.to, content, ...copyOfNote(praise.note) }] };
    }
    case "followup.deliver": {
      const note = await followUpFor(repos, message.payload.answerId);
      if (!note) return { status: "nothing", reason: "answer not found" };
      return toEachManager(await managers(ctx, repos), { kind: "follow-up", note }, copyOfNote(note));
    }
    case "notice":
      return toEachManager(await managers(ctx, repos), { kind: "notice", notice: message.payload.notice });
    case "team-post":
      return { status: "send", surveyId: null, units: toEveryTeam(platforms, { kind: "team-post", post: message.payload.post }) };
    case "pot.progress": {
      const progress = await potProgressFor(ctx, repos, message.payload);
      if (!progress) return { status: "nothing", reason: "campaign not found" };
      const units: Unit[] = [];
      for (const platform of platforms) {
        units.push({ key: `team:${platform.name}:progress`, to: "progress", platform, campaignId: progress.campaignId, content: { kind: "progress", progress } });
        if (progress.milestoneCents !== null) units.push(...toEveryTeam([platform], { kind: "milestone", progress }));
        if (progress.sharedComment !== null && progress.sharedAnswerId !== null) {
          const copy = { copyOf: progress.sharedAnswerId };
          units.push(...toEveryTeam([platform], { kind: "shared-comment", progress }).map((u) => ({ ...u, ...copy })));
        }
      }
      return { status: "send", surveyId: null, units };
    }
    case "comment.copies": {
      const units = await commentCopies(ctx, platforms, message.payload.answerId);
      return units.length > 0 ? { status: "send", surveyId: null, units } : { status: "nothing", reason: "no copy of this comment was sent" };
    }
  }
}
