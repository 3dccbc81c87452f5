// Jira Cloud's REST API v3, signed in with an account's e-mail and API token (HTTP Basic).
import { callApi, type ApiAnswer } from "../http.js";

export interface JiraApiSettings {
  /** https://<site>.atlassian.net, without a trailing slash. */
  url: string;
  email: string;
  apiToken: string;
}

// not user-facing: errors for logs, outbox records and connector:check (English, like the logs)
export function describeJiraFailure(answer: Exclude<ApiAnswer, { kind: "ok" }>): string {
  if (answer.kind === "unreachable") return `Jira's API is unreachable (${answer.error})`;
  if (answer.kind === "rate-limited") return `Jira's API asked to wait ${Math.ceil(answer.retryAfterMs / 1000)} s (429)`;
  const messages = (answer.body as { errorMessages?: unknown } | null)?.errorMessages;
  return `Jira's API answered HTTP ${answer.status}${Array.isArray(messages) && messages.length ? ` (${String(messages[0])})` : ""}`;
}

export class JiraApi {
  private readonly authorization: string;
  constructor(readonly settings: JiraApiSettings) {
    this.authorization = `Basic ${Buffer.from(`${settings.email}:${settings.apiToken}`).toString("base64")}`;
  }

  request(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    return callApi(`${this.settings.url}${path}`, { method, headers: { Authorization: this.authorization }, body });
  }
}
