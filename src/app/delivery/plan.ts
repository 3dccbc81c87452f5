// The delivery rules, once for every platform: who receives what an outbox message says.
// - a survey or its reminder → the requester; praise → the technician;
// - a poor-rating follow-up and every notice → each manager (CAGNOTTE_ADMINS);
// - a team post → the team channel of every platform;
// - the pot's progress → on every platform, the campaign's progress message edited in place, plus
//   a new post when a milestone was crossed and another quoting a comment its author agreed to share.
// A person is reached on the first platform that knows them (see send.ts); each destination is a
// `Unit` with a stable key, so that the partial-failure policy can remember which ones were reached.
import type { ChatContent, Recipient } from "../../core/views.js";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import type { OutboxMessage } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { followUpFor, managers, potProgressFor, surveyFor, thankYouFor } from "./contents.js";

export type Unit =
  | { key: string; to: "person"; person: Recipient; content: ChatContent }
  | { key: string; to: "team"; platform: ChatPlatform; content: ChatContent }
  /** The campaign's progress message on this platform: edited in place when it exists. */
  | { key: string; to: "progress"; platform: ChatPlatform; campaignId: string; content: ChatContent };

export type Plan =
  /** `surveyId`: the delivery of this survey is recorded on it (delivered / undeliverable). */
  | { status: "send"; units: Unit[]; surveyId: string | null }
  /** Nothing to send any more; `reason` says why, for the log. */
  | { status: "nothing"; reason: string };

const personKey = (r: Recipient) => `person:${r.email.toLowerCase()}`;

function toEachManager(people: Recipient[], content: ChatContent): Plan {
  if (people.length === 0) return { status: "nothing", reason: "no manager in CAGNOTTE_ADMINS" };
  return { status: "send", surveyId: null, units: people.map((person) => ({ key: personKey(person), to: "person", person, content })) };
}

function toEveryTeam(platforms: readonly ChatPlatform[], content: ChatContent): Unit[] {
  return platforms.map((platform) => ({ key: `team:${platform.name}:${content.kind}`, to: "team", platform, content }));
}

export async function planDelivery(ctx: AppContext, platforms: readonly ChatPlatform[], message: OutboxMessage): Promise<Plan> {
  const repos = ctx.store;
  switch (message.kind) {
    case "survey.deliver":
    case "survey.remind": {
      const reminder = message.kind === "survey.remind";
      const survey = await surveyFor(ctx, repos, message.payload.surveyId, reminder);
      if (!survey) return { status: "nothing", reason: "survey no longer waiting for an answer" };
      const content: ChatContent = { kind: "survey", prompt: survey.prompt };
      return { status: "send", surveyId: reminder ? null : message.payload.surveyId, units: [{ key: personKey(survey.to), to: "person", person: survey.to, content }] };
    }
    case "praise.deliver": {
      const praise = await thankYouFor(repos, message.payload.answerId);
      if (!praise) return { status: "nothing", reason: "answer not found" };
      return { status: "send", surveyId: null, units: [{ key: personKey(praise.to), to: "person", person: praise.to, content: { kind: "thank-you", note: praise.note } }] };
    }
    case "followup.deliver": {
      const note = await followUpFor(repos, message.payload.answerId);
      if (!note) return { status: "nothing", reason: "answer not found" };
      return toEachManager(await managers(ctx, repos), { kind: "follow-up", note });
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
        if (progress.sharedComment !== null) units.push(...toEveryTeam([platform], { kind: "shared-comment", progress }));
      }
      return { status: "send", surveyId: null, units };
    }
  }
}
