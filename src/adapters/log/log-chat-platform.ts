// Stand-in chat platform until Slack or Teams is configured: says in the log what would be sent,
// without comment texts or e-mail addresses (logs are not a place for personal data).
import { randomUUID } from "node:crypto";
import type { ChatContent } from "../../core/views.js";
import type { ChatPlatform, DeliveryResult, Destination, UpdateResult } from "../../ports/chat-platform.js";
import type { Logger } from "../../ports/logger.js";

function describe(content: ChatContent): Record<string, unknown> {
  switch (content.kind) {
    case "survey":
      return { surveyId: content.prompt.surveyId, ticket: content.prompt.ticketRef, reminder: content.prompt.reminder };
    case "answered":
      return { answerId: content.view.answerId, rating: content.view.rating };
    case "thank-you":
      return { answerId: content.note.answerId, rating: content.note.rating, addedCents: content.note.addedCents };
    case "follow-up":
      return { answerId: content.note.answerId, rating: content.note.rating };
    case "progress":
    case "milestone":
    case "shared-comment":
      return { campaign: content.progress.campaignLabel, amountCents: content.progress.amountCents, milestoneCents: content.progress.milestoneCents };
    case "notice":
      return { notice: content.notice.kind };
    case "team-post":
      return { post: content.post.kind };
  }
}

function where(destination: Destination): Record<string, unknown> {
  return destination.to === "person" ? { to: "person", personId: destination.person.personId } : { to: "team" };
}

/** `surveysByMail`: the e-mail channel is configured, so a survey is not "sent" to the log but left to it. */
export function logChatPlatform(logger: Logger, options: { surveysByMail?: boolean } = {}): ChatPlatform {
  return {
    name: "log",
    async post(destination, content): Promise<DeliveryResult> {
      if (options.surveysByMail && content.kind === "survey" && destination.to === "person") return { status: "unreachable", reason: "no chat platform" };
      const ref = `log:${randomUUID()}`;
      logger.info({ message: content.kind, ...where(destination), ...describe(content), ref }, "no chat platform configured: message logged, not sent");
      return { status: "sent", platform: "log", ref };
    },
    async update(ref, content): Promise<UpdateResult> {
      logger.info({ message: content.kind, ...describe(content), ref }, "no chat platform configured: message update logged, not sent");
      return { status: "sent", platform: "log", ref };
    },
  };
}
