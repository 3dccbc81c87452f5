// With Slack and Teams both configured: a message to a person goes to the first platform that can
// reach them (Slack first: it finds people by e-mail; Teams only knows people who installed the
// app); team posts and pot progress go to every platform's team channel.
import type { ChatMessage, ChatPlatform, DeliveryResult } from "../ports/chat-platform.js";

export function chatRouter(platforms: readonly ChatPlatform[]): ChatPlatform {
  if (platforms.length === 1 && platforms[0]) return platforms[0];
  return {
    name: platforms.map((p) => p.name).join("+"),
    async deliver(message: ChatMessage): Promise<DeliveryResult> {
      if (message.type === "pot-progress" || message.type === "team-post") return deliverToAll(platforms, message);
      const reasons: string[] = [];
      for (const platform of platforms) {
        const result = await platform.deliver(message);
        if (result.status !== "unreachable") return result;
        reasons.push(`${platform.name}: ${result.reason}`);
      }
      return { status: "unreachable", reason: reasons.join("; ") || "no chat platform" };
    },
  };
}

async function deliverToAll(platforms: readonly ChatPlatform[], message: ChatMessage): Promise<DeliveryResult> {
  const results = await Promise.all(platforms.map((p) => p.deliver(message)));
  // Retrying re-posts to every platform; updates are idempotent (progress messages are edited in place).
  const retry = results.find((r) => r.status === "retry");
  if (retry) return retry;
  const sent = results.find((r) => r.status === "sent");
  return sent ?? results[0] ?? { status: "unreachable", reason: "no chat platform" };
}
