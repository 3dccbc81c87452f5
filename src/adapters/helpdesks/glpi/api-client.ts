// GLPI's REST API (the legacy apirest.php, still shipped with GLPI 11 beside the new /api.php/v2):
// a session opened with the API client's App-Token and a user's personal token
// (`Authorization: user_token …`), kept and opened again when GLPI answers 401 (expired or killed).
// Every call goes through the connectors' one REST helper (rest-call.ts).
import { restCall, type RestFailure, type RestOutcome, type RestRequest } from "../rest-call.js";

export interface GlpiApiSettings {
  /** …/apirest.php, without a trailing slash. */
  url: string;
  appToken: string;
  userToken: string;
}

/** GLPI's error code: the first element of its error array (["ERROR_SESSION_TOKEN_INVALID", "…"]). */
export const glpiErrorCode = (answer: RestOutcome): string | null => (!answer.ok && answer.kind !== "rate-limited" && Array.isArray(answer.body) && typeof answer.body[0] === "string" ? answer.body[0] : null);

/** GLPI answers 401 both for a dead session and for a missing right (ERROR_RIGHT_MISSING). */
const isSessionRefused = (answer: RestOutcome) => !answer.ok && answer.kind === "unauthorized" && glpiErrorCode(answer) !== "ERROR_RIGHT_MISSING";

/** The API user may not do this (a profile right, or GLPI's own rule for satisfactions). */
export const isRightMissing = (answer: RestOutcome) => !answer.ok && (answer.kind === "forbidden" || glpiErrorCode(answer) === "ERROR_RIGHT_MISSING");

// not user-facing: errors for logs, outbox records and connector:check (English, like the logs)
export function describeFailure(answer: RestFailure): string {
  if (answer.kind === "rate-limited") return `GLPI's API asked to wait ${Math.ceil(answer.retryAfterMs / 1000)} s (HTTP ${answer.status})`;
  if (answer.status === null) return `GLPI's API is unreachable (${answer.detail})`;
  return `GLPI's API answered HTTP ${answer.status}${glpiErrorCode(answer) ? ` ${glpiErrorCode(answer)}` : ""}`;
}

type Session = RestOutcome & { token?: string };

export class GlpiApi {
  private session: Promise<Session> | null = null;

  constructor(readonly settings: GlpiApiSettings) {}

  /** Opens a session (one at a time: concurrent callers share it). */
  openSession(): Promise<Session> {
    this.session ??= restCall({ method: "GET", url: `${this.settings.url}/initSession`, headers: { "App-Token": this.settings.appToken, Authorization: `user_token ${this.settings.userToken}` } }).then(
      (answer): Session => {
        const token = answer.ok ? (answer.body as { session_token?: unknown } | null)?.session_token : undefined;
        if (typeof token === "string" && token) return { ...answer, token };
        this.session = null;
        // not user-facing: an error for the outbox record and the logs
        return answer.ok ? { ok: false, kind: "unavailable", status: 502, detail: "initSession gave no session_token", body: null } : answer;
      },
    );
    return this.session;
  }

  /** One call in the session; a 401 opens a new session and tries once more. */
  async request(method: RestRequest["method"], path: string, body?: unknown): Promise<RestOutcome> {
    for (let attempt = 1; ; attempt++) {
      const current = this.session;
      const session = await this.openSession();
      if (!session.token) return session;
      const answer = await restCall({ method, url: `${this.settings.url}/${path}`, headers: { "App-Token": this.settings.appToken, "Session-Token": session.token }, body });
      if (isSessionRefused(answer) && attempt === 1) {
        // Expired or killed: forget it (unless another call already replaced it) and open another.
        if (this.session === current || current === null) this.session = null;
        continue;
      }
      return answer;
    }
  }
}
