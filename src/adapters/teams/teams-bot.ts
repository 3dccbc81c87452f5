// The bot's activity handler: thin transport. Installs and first messages save who is who;
// messages go to the command handler, card actions to the invoke handler.
import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from "botbuilder";
import { cardAttachment } from "./card-templates.js";
import { handleMessage } from "./command-handler.js";
import { isPersonalChat, memberOf, rememberMember } from "./conversation-references.js";
import { handleCardAction } from "./invoke-handler.js";
import { noteCard } from "./note-cards.js";
import { rememberTeamMembers } from "./team-install.js";
import type { TeamsDeps } from "./teams-deps.js";
import { localeOf, teamsTexts } from "./teams-texts.js";

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
      if (isPersonalChat(turn)) await this.rememberSender(turn);
      await next();
    });
  }

  private async rememberSender(turn: TurnContext) {
    const locale = localeOf(turn.activity.locale, this.deps.ctx.rules.defaultLocale);
    return { locale, person: await rememberMember(this.deps.ctx, turn, await memberOf(turn), locale) };
  }

  /** Installed for a user (1:1 chat) or added to a team: learn how to reach the people. */
  private async onInstalled(turn: TurnContext): Promise<void> {
    const botId = turn.activity.recipient.id;
    const botAdded = (turn.activity.membersAdded ?? []).some((m) => m.id === botId);
    if (isPersonalChat(turn)) {
      const { locale } = await this.rememberSender(turn);
      if (botAdded) await turn.sendActivity({ attachments: [cardAttachment(noteCard({ title: "Cagnotte", lines: [teamsTexts[locale].welcome] }))] });
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
      const locale = localeOf(turn.activity.locale, this.deps.ctx.rules.defaultLocale);
      return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: noteCard({ title: teamsTexts[locale].somethingWrong, color: "Attention" }) };
    }
  }
}
