// The team channel that shows the pot's progress: chosen by management with `cagnotte channel`,
// kept in the settings repository with the id of each campaign's progress card (updated in place).
import { TurnContext, type ConversationReference } from "botbuilder";
import type { Store } from "../../ports/store.js";

const CHANNEL_KEY = "teams.progress-channel";
const progressKey = (campaignId: string) => `teams.progress-card.${campaignId}`;

/** A reference to the channel itself (not the thread the command was typed in). */
export function channelReference(turn: TurnContext): Partial<ConversationReference> {
  const { activityId: _thread, ...reference } = TurnContext.getConversationReference(turn.activity);
  const channelId = (turn.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return { ...reference, conversation: { ...reference.conversation, id: channelId ?? reference.conversation?.id ?? "", isGroup: true } } as Partial<ConversationReference>;
}

export async function saveProgressChannel(store: Store, reference: Partial<ConversationReference>, now: Date): Promise<void> {
  await store.settings.set(CHANNEL_KEY, JSON.stringify(reference), now);
}

export async function progressChannel(store: Store): Promise<string | null> {
  return store.settings.get(CHANNEL_KEY);
}

export async function progressCardId(store: Store, campaignId: string): Promise<string | null> {
  return store.settings.get(progressKey(campaignId));
}

export async function saveProgressCardId(store: Store, campaignId: string, activityId: string, now: Date): Promise<void> {
  await store.settings.set(progressKey(campaignId), activityId, now);
}
