// Stand-in chat platform until Slack or Teams is configured: says in the log what would be sent,
// without comment texts or e-mail addresses (logs are not a place for personal data).
import type { ChatMessage, ChatPlatform, DeliveryResult } from "../../ports/chat-platform.js";
import type { Logger } from "../../ports/logger.js";

function describe(message: ChatMessage): Record<string, unknown> {
  switch (message.type) {
    case "survey":
      return { surveyId: message.prompt.surveyId, ticket: message.prompt.ticketRef, personId: message.to.personId, reminder: message.prompt.reminder };
    case "thank-you":
      return { answerId: message.note.answerId, personId: message.to.personId, rating: message.note.rating, addedCents: message.note.addedCents };
    case "follow-up":
      return { answerId: message.note.answerId, recipients: message.to.length, rating: message.note.rating };
    case "pot-progress":
      return { campaign: message.progress.campaignLabel, amountCents: message.progress.amountCents, milestoneCents: message.progress.milestoneCents };
    case "notice":
      return { recipients: message.to.length };
    case "team-post":
      return { post: message.post.kind };
  }
}

export function logChatPlatform(logger: Logger): ChatPlatform {
  return {
    name: "log",
    async deliver(message: ChatMessage): Promise<DeliveryResult> {
      logger.info({ message: message.type, ...describe(message) }, "no chat platform configured: message logged, not sent");
      return { status: "sent", platform: "log" };
    },
  };
}
