// The bot's activity handler: thin transport. Installs and first messages save who is who and
// welcome the person in their language; messages go to the command handler, card actions to the
// invoke handler.
import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from "botbuilder";
import { refusal } from "../../core/refusal.js";
import { textsFor } from "../../i18n/index.js";
import { presentRefusal, type Message } from "../../presenter/index.js";
import { whoAsks } from "./asker.js";
import { cardAttachment } from "./card-templates.js";
import { handleMessage } from "./command-handler.js";
import { isPersonalChat, memberOf, rememberMember } from "./conversation-references.js";
import { cardResponse, handleCardAction } from "./invoke-handler.js";
import { renderCard } from "./render-card.js";
import { rememberTeamMembers } from "./team-install.js";
import type { TeamsDeps } from "./teams-deps.js";
import { readerLocale, teamsPresentation } from "./teams-presentation.js";

/** The welcome in a new 1:1 chat; in a local trial it points at `demo`. */
function welcomeMessage(texts: ReturnType<typeof textsFor>["chat"], local: boolean): Message {
  return {
    title: texts.botName,
    tone: "default",
    summary: texts.welcome,
    blocks: [{ type: "text", text: texts.welcome }, ...(local ? [{ type: "text" as const, text: texts.welcomeDemo, style: "subtle" as const }] : [])],
  };
}

export class CagnotteTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (turn, next) => {
      await handleMessage(deps, turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      await this.onInstalled(turn);
      await next();
    });
    this.onInstallationUpdateAdd(async (turn, next) => {
      if (isPersonalChat(turn)) await rememberMember(deps.ctx, turn, await memberOf(turn));
      await next();
    });
  }

  /** Installed for a user (1:1 chat) or added to a team: learn how to reach the people. */
  private async onInstalled(turn: TurnContext): Promise<void> {
    const botId = turn.activity.recipient.id;
    const botAdded = (turn.activity.membersAdded ?? []).some((m) => m.id === botId);
    if (isPersonalChat(turn)) {
      const { locale } = await whoAsks(this.deps, turn);
      if (botAdded) await turn.sendActivity({ attachments: [cardAttachment(renderCard(welcomeMessage(textsFor(locale).chat, this.deps.local)))] });
      return;
    }
    const people = (turn.activity.membersAdded ?? []).map((m) => m.id).filter((id) => id !== botId);
    await rememberTeamMembers(this.deps, turn, botAdded ? undefined : people);
  }

  protected override async onAdaptiveCardInvoke(turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    try {
      return await handleCardAction(this.deps, turn, value);
    } catch (error) {
      // Log without the card data (it holds the comment); show a safe message in place of the card.
      this.deps.ctx.logger.error({ err: error, verb: value.action?.verb }, "teams: card action failed");
      const p = teamsPresentation(this.deps.ctx, readerLocale(this.deps.ctx, null, turn.activity.locale));
      return cardResponse(renderCard(presentRefusal(refusal("something-wrong"), p)));
    }
  }
}
