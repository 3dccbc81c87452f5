// What a `/cagnotte …` (Slack) or `cagnotte …` (Teams) command answers: neutral replies that
// each chat adapter renders. Both platforms run the same commands through runCommand().
import type { Charity } from "../../core/model.js";
import type { CampaignHistory, StatusReport } from "../../core/views.js";
import type { LocalizedText } from "../../ports/chat-platform.js";

/** Who typed the command, as the chat adapter resolved them. */
export interface Actor {
  platform: "slack" | "teams";
  platformUserId: string;
  /** The person's e-mail as the platform vouches for it; null if unknown. */
  email: string | null;
  personId: string | null;
  locale: "fr" | "en";
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
  subject: string;
  reason: string | null;
}

export type CommandReply =
  | { kind: "status"; report: StatusReport }
  | { kind: "history"; history: CampaignHistory }
  | { kind: "help"; management: boolean }
  | { kind: "charities"; charities: Charity[] }
  | { kind: "moderation-queue"; items: ModerationQueueItem[] }
  | { kind: "audit"; entries: AuditView[] }
  /** A file to hand over (CSV export): Slack uploads it, Teams attaches it. */
  | { kind: "file"; filename: string; contentType: string; content: string; title: LocalizedText }
  /** A confirmation of something done. Plain text: adapters escape it. */
  | { kind: "done"; text: LocalizedText }
  /** An expected refusal (not management, unknown subcommand, bad arguments…). Plain text. */
  | { kind: "refused"; code: string; text: LocalizedText };
