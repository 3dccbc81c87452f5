// Storage of Slack workspaces installed through the OAuth flow (several workspaces). The Slack
// adapter's installation store reads and writes them; the Prisma adapter implements this port.

export interface SlackInstallationRecord {
  /** "E:<enterprise id>" for an org-wide install, else "T:<team id>". */
  id: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  botId: string | null;
  /** Bolt's Installation object, JSON (holds the bot token). */
  installation: string;
  /** The client company whose workspace this is; null for a workspace not linked to a client. */
  clientId: string | null;
}

export interface SlackInstallationRepository {
  save(record: SlackInstallationRecord, now: Date): Promise<void>;
  find(id: string): Promise<SlackInstallationRecord | null>;
  delete(id: string): Promise<void>;
  /** The workspaces of a client company, most recently installed first. */
  forClient(clientId: string): Promise<SlackInstallationRecord[]>;
}
