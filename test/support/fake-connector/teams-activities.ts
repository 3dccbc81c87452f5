// Bot Framework activities as Teams sends them to /api/messages, pointing replies at the fake
// connector (serviceUrl). Invokes are built from the cards the bot sent, as a Teams client does.
import { randomUUID } from "node:crypto";
import type { TeamsMember } from "./fake-connector.js";

export const BOT = { id: "28:cagnotte-bot", name: "Cagnotte" };
export const TENANT = "tenant-1";

export interface Where {
  serviceUrl: string;
  locale?: string;
  /** A channel post instead of the 1:1 chat. */
  channel?: { teamId: string; channelId: string };
}

const personalConversation = (member: TeamsMember) => `a:personal-${member.id}`;

function base(member: TeamsMember, where: Where) {
  const conversation = where.channel
    ? { id: `${where.channel.channelId};messageid=1`, conversationType: "channel", isGroup: true, tenantId: TENANT }
    : { id: personalConversation(member), conversationType: "personal", tenantId: TENANT };
  return {
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: where.locale ?? "fr-FR",
    from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
    recipient: BOT,
    conversation,
    channelData: where.channel
      ? { tenant: { id: TENANT }, team: { id: where.channel.teamId }, channel: { id: where.channel.channelId } }
      : { tenant: { id: TENANT } },
  };
}

export function personalConversationId(member: TeamsMember): string {
  return personalConversation(member);
}

export function installActivity(member: TeamsMember, where: Where) {
  return { ...base(member, where), type: "conversationUpdate", membersAdded: [{ id: member.id }, BOT] };
}

export function messageActivity(member: TeamsMember, text: string, where: Where) {
  const mention = where.channel ? `<at>${BOT.name}</at> ` : "";
  return {
    ...base(member, where),
    type: "message",
    text: `${mention}${text}`,
    entities: where.channel ? [{ type: "mention", mentioned: BOT, text: `<at>${BOT.name}</at>` }] : [],
  };
}

interface CardAction {
  type: string;
  verb?: string;
  data?: Record<string, unknown>;
}

function actionsOf(node: unknown): CardAction[] {
  if (!node || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  const record = node as Record<string, unknown>;
  const own = record.type === "Action.Execute" ? [record as unknown as CardAction] : [];
  return [...own, ...Object.values(record).flatMap(actionsOf)];
}

/** The Action.Execute of a card with this verb (the n-th one when several). */
export function findAction(card: unknown, verb: string, index = 0): CardAction {
  const action = actionsOf(card).filter((a) => a.verb === verb)[index];
  if (!action) throw new Error(`no Action.Execute "${verb}" in the card`);
  return action;
}

/** What Teams posts when the member clicks the action: its data merged with the card's inputs. */
export function invokeActivity(member: TeamsMember, action: CardAction, inputs: Record<string, string>, where: Where) {
  return {
    ...base(member, where),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb: action.verb, data: { ...action.data, ...inputs } }, trigger: "manual" },
  };
}

const SHOWN = new Set(["text", "title", "label", "placeholder", "errorMessage", "fallbackText"]);

/**
 * Every text a card shows a reader, as they read it: Markdown escapes and the zero-width breaks
 * of markdownSafe removed, so tests compare with the catalogue's sentences directly.
 */
export function shownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const factValue = key === "value" && "title" in node && !("type" in node);
        if (typeof value === "string" && (SHOWN.has(key) || factValue)) out.push(value.replace(/\\(.)/g, "$1").replace(/\u200B/g, ""));
        else walk(value);
      }
    }
  };
  walk(card);
  return out;
}

/** All a card shows, one text a line. */
export const shown = (card: unknown): string => shownTexts(card).join("\n");
