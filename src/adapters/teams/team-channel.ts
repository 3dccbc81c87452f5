// The team channel that shows the pot's progress: chosen by management with `cagnotte channel`,
// kept in the settings repository. Which card in it shows the progress is the delivery rules' business.
import { TurnContext, type ConversationReference } from "botbuilder";
import type { Store } from "../../ports/store.js";

const CHANNEL_KEY = "teams.progress-channel";

/** A reference to the channel itself (not the thread the command was typed in). */
export function channelReference(turn: TurnContext): Partial<ConversationReference> {
  const { activityId: _thread, ...reference } = TurnContext.getConversationReference(turn.activity);
  const channelId = (turn.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return { ...reference, conversation: { ...reference.conversation, id: channelId ?? reference.conversation?.id ?? "", isGroup: true } } as Partial<ConversationReference>;
}

/** `reference`: the JSON of channelReference(), as the `channel` command receives it. */
export async function saveProgressChannel(store: Store, reference: string, now: Date): Promise<void> {
  await store.settings.set(CHANNEL_KEY, reference, now);
}

export async function progressChannel(store: Store): Promise<string | null> {
  return store.settings.get(CHANNEL_KEY);
}
