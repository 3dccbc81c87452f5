// Jira Cloud's REST API v3, signed in with an account's e-mail and API token (HTTP Basic), through
// the connectors' one REST helper (rest-call.ts).
import { restCall, type RestFailure, type RestOutcome, type RestRequest } from "../rest-call.js";

export interface JiraApiSettings {
  /** https://<site>.atlassian.net, without a trailing slash. */
  url: string;
  email: string;
  apiToken: string;
}

// not user-facing: errors for logs, outbox records and connector:check (English, like the logs)
export function describeJiraFailure(answer: RestFailure): string {
  if (answer.kind === "rate-limited") return `Jira's API asked to wait ${Math.ceil(answer.retryAfterMs / 1000)} s (HTTP ${answer.status})`;
  if (answer.status === null) return `Jira's API is unreachable (${answer.detail})`;
  const messages = (answer.body as { errorMessages?: unknown } | null)?.errorMessages;
  return `Jira's API answered HTTP ${answer.status}${Array.isArray(messages) && messages.length ? ` (${String(messages[0])})` : ""}`;
}

export class JiraApi {
  private readonly authorization: string;
  constructor(readonly settings: JiraApiSettings) {
    this.authorization = `Basic ${Buffer.from(`${settings.email}:${settings.apiToken}`).toString("base64")}`;
  }

  request(method: RestRequest["method"], path: string, body?: unknown): Promise<RestOutcome> {
    return restCall({ method, url: `${this.settings.url}${path}`, headers: { Authorization: this.authorization }, body });
  }
}
