// The app added to a team: open a 1:1 conversation with each member (Teams allows it once the
// app is in a team they belong to) and save its reference with their e-mail, so that surveys and
// praise reach them without each person installing the app.
import { TeamsInfo, TurnContext, type ConversationParameters, type TeamsChannelAccount } from "botbuilder";
import type { TeamsDeps } from "./teams-deps.js";

const MAX_PAGES = 50;
const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com";

async function teamMembers(turn: TurnContext): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await TeamsInfo.getPagedMembers(turn, 200, token);
    members.push(...result.members);
    token = result.continuationToken;
    if (!token) break;
  }
  return members;
}

/** `only`: the members just added to the team; all members when the bot itself was added. */
export async function rememberTeamMembers(deps: TeamsDeps, turn: TurnContext, only?: readonly string[]): Promise<number> {
  const { ctx, sender } = deps;
  const activity = turn.activity;
  const roster = (await teamMembers(turn)).filter((m) => !only || only.includes(m.id));
  const tenantId = activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  let saved = 0;
  for (const member of roster) {
    const email = (member.email ?? member.userPrincipalName ?? "").trim().toLowerCase();
    if (!email || !member.aadObjectId) continue;
    const parameters = { isGroup: false, bot: activity.recipient, members: [{ id: member.id, name: member.name }], tenantId, channelData: { tenant: { id: tenantId } } } as ConversationParameters;
    let reference: string | null = null;
    await sender.adapter.createConversationAsync(sender.appId, activity.channelId, activity.serviceUrl, BOT_FRAMEWORK_SCOPE, parameters, async (chat) => {
      reference = JSON.stringify(TurnContext.getConversationReference(chat.activity));
    });
    const now = ctx.clock.now();
    const person = await ctx.store.people.upsertByEmail({ email, name: member.name, now });
    const other = await ctx.store.people.findByPlatformId("teams", member.aadObjectId);
    if (other && other.id !== person.id) continue;
    await ctx.store.people.linkPlatform(person.id, { platform: "teams", userId: member.aadObjectId, teamsConversation: reference }, now);
    saved += 1;
  }
  ctx.logger.info({ members: saved }, "teams: added to a team, members reachable");
  return saved;
}
