// Neutral view models: what the core has to say, for each adapter to render (Block Kit, Adaptive
// Card, log line, web page). No platform vocabulary here.
import type { Cents, Charity, Locale } from "./model.js";
import type { Refusal } from "./refusal.js";
import type { NotCountedReason } from "./rules/counting.js";

export interface Recipient {
  /** null for management addresses that never answered a survey. */
  personId: string | null;
  email: string;
  name: string | null;
  locale: Locale | null;
  slackUserId: string | null;
  teamsUserId: string | null;
}

export interface SurveyPrompt {
  surveyId: string;
  surveyUrl: string;
  ticketRef: string;
  ticketTitle: string | null;
  technicianName: string;
  clientName: string | null;
  ratingScale: 3 | 5;
  /** What one counted comment adds to the pot, and its conditions (said in the "optional, no reward" line). */
  amountCents: Cents;
  caps: { perRequester: number; perClient: number };
  expiresAt: Date;
  reminder: boolean;
  /** The règlement: answering means accepting it (GET /reglement, or CAGNOTTE_RULES_URL). */
  rulesUrl: string;
}

/**
 * Why a comment once quoted is no longer shown, for the copies already sent: "withdrawn" (by its
 * author, forget-me, management's retract, rejected or hateful) or "hidden" (reported, or waiting
 * in moderation). null: nothing to say (a comment shown, or none ever written).
 */
export type CommentRemoved = null | "withdrawn" | "hidden";

export interface ThankYouNote {
  answerId: string;
  rating: number;
  ratingScale: number;
  /** Only a clean, not withdrawn comment; null otherwise (rule 5). */
  comment: string | null;
  /** Set when a comment was written but is not shown (comment is then null). */
  commentRemoved: CommentRemoved;
  requesterName: string | null;
  clientName: string | null;
  ticketRef: string;
  ticketTitle: string | null;
  addedCents: Cents;
  potCents: Cents;
}

/** A poor rating: sent to management to follow up, never to the technician as praise. */
export interface FollowUpNote extends Omit<ThankYouNote, "addedCents" | "potCents"> {
  technicianName: string;
}

export interface PotProgress {
  campaignId: string;
  campaignLabel: string;
  charityName: string | null;
  amountCents: Cents;
  countedComments: number;
  daysLeft: number;
  /** Set when this update crossed a milestone (e.g. every 10 €): a new post, not just an update. */
  milestoneCents: Cents | null;
  /** A comment quoted only because its requester ticked "may be shared" (rule 8). */
  sharedComment: string | null;
  /** The answer whose comment is (or was) shared: what the "report" button carries. */
  sharedAnswerId: string | null;
  /** Set when the shared comment is no longer shown (sharedComment is then null). */
  commentRemoved: CommentRemoved;
}

export interface TechnicianPraise {
  name: string;
  praiseCount: number;
}

/**
 * A chart the bot serves as a picture (GET /charts/<token>.png), with the figures its alt text
 * states: what a screen reader, or a client that shows no pictures, says instead.
 */
export type ChartFigure =
  /** The pot of one campaign, cumulated day by day from its first day to `days` days in. */
  | { kind: "campaign-pot"; campaignLabel: string; amountCents: Cents; days: number }
  /** The pots of the last campaigns, one bar each, oldest first. */
  | { kind: "quarters-pot"; campaigns: number; firstLabel: string; lastLabel: string; totalCents: Cents };

export interface ChartImage {
  url: string;
  figure: ChartFigure;
}

export interface StatusReport {
  campaignId: string | null;
  campaignLabel: string;
  charityName: string | null;
  needsCharity: boolean;
  open: boolean;
  amountCents: Cents;
  countedComments: number;
  answers: number;
  surveys: number;
  /** 0..1, null when no survey was sent. */
  responseRate: number | null;
  /** 0..1, null when no answer yet. */
  positiveShare: number | null;
  daysLeft: number;
  /** Management view only. */
  management: {
    topTechnicians: TechnicianPraise[];
    pendingModeration: number;
    requestersAtCap: number;
    clientsAtCap: number;
  } | null;
  /** Management's status carries a chart of the campaign's pot (absent elsewhere). */
  chart?: ChartImage | null;
}

export interface CampaignHistoryLine {
  campaignLabel: string;
  charityName: string | null;
  amountCents: Cents;
  countedComments: number;
  /** Answers received in the campaign, with or without comment. */
  answers: number;
  status: "open" | "closed";
  /** `amountCents` above is the pot; the payout says what was paid, and why it differs if it does. */
  payout: { amountCents: Cents; paidOn: Date; reference: string; reason: string | null } | null;
}

export interface CampaignHistory {
  campaigns: CampaignHistoryLine[];
  totalGivenCents: Cents;
  /** The `history` command's chart of the last quarters' pots (absent elsewhere). */
  chart?: ChartImage | null;
}

/** A survey once answered, as the requester's card or page shows it (answerSurvey and withdrawComment return it). */
export interface AnsweredView {
  surveyId: string;
  answerId: string;
  ticketRef: string;
  ticketTitle: string | null;
  rating: number;
  ratingScale: number;
  /** The comment as kept; null when none was written or it was withdrawn. */
  comment: string | null;
  shareConsent: boolean;
  /** What this answer added to the pot (0 when it did not count). */
  addedCents: Cents;
  /** Set once the requester withdrew the comment; `keptCents`: what stays in a closed campaign's pot. */
  withdrawn: null | { reversedCents: Cents; keptCents?: Cents };
  /** The card edited after management retracted, or someone reported, the comment (comment is then null). */
  commentRemoved?: CommentRemoved;
  /** Why the rules did not count it (no comment, a cap, moderation…); null or absent when it counted. */
  notCounted?: NotCountedReason | null;
}

export interface ModerationQueueItem {
  id: string;
  answerId: string;
  verdict: string;
  /** Shown to management only: runCommand refuses the queue to anyone else. */
  comment: string | null;
  terms: string[];
  ticketRef: string;
  requesterName: string | null;
  clientName: string | null;
  createdAt: Date;
}

export interface AuditView {
  at: Date;
  actor: string;
  action: string;
  /** What the action was about, in words people read (a ticket, a campaign, a charity's name). */
  subject: string;
  reason: string | null;
}

/** Final figures of a campaign that just closed. */
export interface FinalFigures {
  campaignLabel: string;
  charityName: string | null;
  amountCents: Cents;
  countedComments: number;
  answers: number;
  positiveShare: number | null;
  early: boolean;
}

/** Posts of the campaign lifecycle to the team channel, as data: worded at delivery. */
export type TeamPost =
  | { kind: "campaign-closed"; figures: FinalFigures }
  | { kind: "campaign-opened"; campaignLabel: string; charityName: string | null }
  | { kind: "weekly-digest"; campaignLabel: string; praise: number; answers: number; positiveShare: number | null; potCents: Cents; charityName: string | null; chart?: ChartImage | null };

/** Notices to management, as data: worded at delivery in each manager's language. */
export type Notice =
  | { kind: "choose-charity"; campaignLabel: string }
  | { kind: "payout-reminder"; campaignLabel: string; charityName: string | null; amountCents: Cents }
  /** Someone reported a comment from a chat message: it is hidden and waits in the moderation queue. */
  | { kind: "comment-reported"; ticketRef: string; technicianName: string };

/** What the outbox delivers through a chat platform; the presenter words it in the reader's language. */
export type ChatContent =
  | { kind: "survey"; prompt: SurveyPrompt }
  /** The requester's survey card once answered: only ever an edit (a copy of their comment). */
  | { kind: "answered"; view: AnsweredView }
  | { kind: "thank-you"; note: ThankYouNote }
  | { kind: "follow-up"; note: FollowUpNote }
  /** The team channel's progress message, edited in place. */
  | { kind: "progress"; progress: PotProgress }
  /** A new post when the pot crossed a milestone (progress.milestoneCents is set). */
  | { kind: "milestone"; progress: PotProgress }
  /** A new post quoting a comment its author agreed to share (progress.sharedComment is set). */
  | { kind: "shared-comment"; progress: PotProgress }
  | { kind: "notice"; notice: Notice }
  | { kind: "team-post"; post: TeamPost };

/** Something management (or a person) did, confirmed: worded by the catalogue. */
export type Confirmation =
  /** `keptCents`: the campaign had closed, so what the comment added stays in the pot. */
  | { kind: "comment-withdrawn"; reversedCents: Cents; keptCents?: Cents }
  | { kind: "override-counted" }
  | { kind: "charity-added"; name: string }
  | { kind: "charity-assigned"; name: string; campaignLabel: string }
  | { kind: "charity-removed"; name: string }
  | { kind: "campaign-closed"; campaignLabel: string }
  | { kind: "moderation-rejected" }
  /** A "report this comment" click, answered to whoever clicked (the same for a second report). */
  | { kind: "comment-reported" }
  /** Management's `retract`: `keptCents` stays in a campaign already paid out. */
  | { kind: "comment-retracted"; reversedCents: Cents; keptCents: Cents }
  | { kind: "moderation-approved"; counted: boolean; reason: NotCountedReason | null }
  | { kind: "payout-recorded"; amountCents: Cents; campaignLabel: string }
  | { kind: "forget-me-ask" }
  | { kind: "forget-me-nothing" }
  /** `keptCents`: what the erased comments added to campaigns already closed stays there. */
  | { kind: "forget-me-done"; erased: number; keptCents?: Cents }
  | { kind: "install-link"; client: string; link: string }
  | { kind: "channel-set" }
  | { kind: "demo-scheduled"; ticketRef: string }
  | { kind: "demo-ignored"; reason: string }
  // E-mail channel
  /** `client <id|name> email-first on|off` */
  | { kind: "client-email-first"; client: string; on: boolean }
  /** `requester <e-mail> surveys on|off`: `on` false = the person receives no more surveys. */
  | { kind: "requester-surveys"; email: string; on: boolean };

/** What a file reply holds, for its title. */
export type FileTitle = { of: "export"; exportKind: string; rows: number } | { of: "person"; email: string };

/** What a `/cagnotte …` (Slack) or `cagnotte …` (Teams) command answers: one neutral reply each adapter lays out. */
export type CommandReply =
  | { kind: "status"; report: StatusReport }
  | { kind: "history"; history: CampaignHistory }
  | { kind: "help"; management: boolean }
  | { kind: "charities"; charities: Charity[]; current: { campaignLabel: string; charityName: string | null } | null }
  | { kind: "moderation-queue"; items: ModerationQueueItem[] }
  | { kind: "audit"; entries: AuditView[] }
  /** A file to hand over (CSV export): Slack uploads it, Teams attaches it. */
  | { kind: "file"; filename: string; contentType: string; content: string; title: FileTitle }
  /** A file to download from a short-lived link (Teams' export: a message cannot carry the file). */
  | { kind: "download"; url: string; filename: string; minutes: number }
  | { kind: "done"; done: Confirmation }
  | { kind: "refused"; refusal: Refusal }
  /** A one-time sign-in link to the web dashboard, for the asker's eyes only. */
  | { kind: "dashboard-link"; url: string; expiresAt: Date; minutes: number };

/** The règlement as configured (GET /reglement): the rules with this installation's figures. */
/** The privacy notice and terms of use (GET /privacy, GET /terms), from the configuration. */
export interface LegalView {
  contact: string | null;
  /** CAGNOTTE_RETENTION_DAYS: comments are erased this long after they were left. */
  retentionDays: number;
  answerableDays: number;
  /** The règlement's address (CAGNOTTE_RULES_URL, else /reglement). */
  rulesUrl: string;
}

export interface RulesView {
  amountCents: Cents;
  caps: { perRequester: number; perClient: number };
  /** How long a survey stays answerable after its ticket closed (never less than to its campaign's end). */
  answerableDays: number;
  campaign: { campaignLabel: string; charityName: string | null; amountCents: Cents; countedComments: number; daysLeft: number; open: boolean } | null;
  /** CAGNOTTE_CONTACT: an e-mail or a web page; null: "your IT provider's support". */
  contact: string | null;
}

// --- web (the web answer page) ---

/** Who asks, and where the pot goes: the head of every web answer page. */
export interface WebAskerView {
  /** CAGNOTTE_COMPANY_NAME; null: "your IT provider". */
  companyName: string | null;
  /** The campaign an answer counts (or counted) in, and its charity; null: not chosen yet. */
  campaignLabel: string;
  charity: { name: string; url: string | null } | null;
  /** CAGNOTTE_CONTACT: who to write to with a question; null: "your IT provider's support". */
  contact: string | null;
  /** The règlement (CAGNOTTE_RULES_URL, else /reglement). */
  rulesUrl: string;
}

/** A survey link that leads to no survey one may answer: unknown (mistyped, cut, altered) or expired. */
export type LinkProblemView =
  | { kind: "unknown" }
  | { kind: "expired"; ticketRef: string; ticketTitle: string | null; expiredAt: Date };
