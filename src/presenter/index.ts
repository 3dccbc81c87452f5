export type { Action, ActionId, Block, Input, Message, Tone } from "./message.js";
export { messageTexts } from "./message.js";
export { ratingLabel, ticketLine, type Presentation } from "./presentation.js";
export { presentAnswered, presentRefusal, presentSurvey } from "./present-survey.js";
export { presentRules } from "./present-rules.js";
export { presentAsker, presentLinkProblem, presentWithdrawConfirm } from "./present-web.js";
export { presentPrivacy, presentTerms } from "./present-legal.js";
export { presentContent, presentFollowUp, presentMilestone, presentNotice, presentProgress, presentSharedComment, presentTeamPost, presentThankYou } from "./present-notes.js";
export { presentAudit, presentCharities, presentHelp, presentHistory, presentModerationQueue, presentReply, presentStatus, type HelpExtras } from "./present-reply.js";
