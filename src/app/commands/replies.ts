// Who typed a `/cagnotte …` (Slack) or `cagnotte …` (Teams) command. What the command answers is a
// neutral CommandReply (src/core/views.ts) that the presenter words and each adapter lays out.
export type { CommandReply } from "../../core/views.js";

/** Who typed the command, as the chat adapter resolved them. */
export interface Actor {
  platform: "slack" | "teams";
  platformUserId: string;
  /** The person's e-mail as the platform vouches for it; null if unknown. */
  email: string | null;
  personId: string | null;
  locale: "fr" | "en";
  /** Where the command was typed, for commands that act on that place (Teams' `channel`). */
  conversation?: { kind: "personal" | "channel" | "group"; reference: string | null };
}
