// GLPI's REST API (the legacy apirest.php, still shipped with GLPI 11 beside the new /api.php/v2):
// a session opened with the API client's App-Token and a user's personal token
// (`Authorization: user_token …`), kept and opened again when GLPI answers 401 (expired or killed).
import { callApi, type ApiAnswer } from "../http.js";

export interface GlpiApiSettings {
  /** …/apirest.php, without a trailing slash. */
  url: string;
  appToken: string;
  userToken: string;
}

/** GLPI's error code: the first element of its error array (["ERROR_SESSION_TOKEN_INVALID", "…"]). */
export const glpiErrorCode = (answer: ApiAnswer): string | null => (answer.kind === "status" && Array.isArray(answer.body) && typeof answer.body[0] === "string" ? answer.body[0] : null);

/** GLPI answers 401 both for a dead session and for a missing right (ERROR_RIGHT_MISSING). */
const isSessionRefused = (answer: ApiAnswer) => answer.kind === "status" && answer.status === 401 && glpiErrorCode(answer) !== "ERROR_RIGHT_MISSING";

/** The API user may not do this (a profile right, or GLPI's own rule for satisfactions). */
export const isRightMissing = (answer: ApiAnswer) => answer.kind === "status" && (answer.status === 403 || glpiErrorCode(answer) === "ERROR_RIGHT_MISSING");

export class GlpiApi {
  private session: Promise<ApiAnswer & { token?: string }> | null = null;

  constructor(readonly settings: GlpiApiSettings) {}

  /** Opens a session (one at a time: concurrent callers share it). */
  openSession(): Promise<ApiAnswer & { token?: string }> {
    this.session ??= callApi(`${this.settings.url}/initSession`, {
      headers: { "App-Token": this.settings.appToken, Authorization: `user_token ${this.settings.userToken}` },
    }).then((answer) => {
      const token = answer.kind === "ok" ? (answer.body as { session_token?: unknown } | null)?.session_token : undefined;
      if (typeof token === "string" && token) return { ...answer, token };
      this.session = null;
      // not user-facing: an error for the outbox record and the logs
      return answer.kind === "ok" ? { kind: "status" as const, status: 502, body: "initSession gave no session_token" } : answer;
    });
    return this.session;
  }

  /** One call in the session; a 401 opens a new session and tries once more. */
  async request(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    for (let attempt = 1; ; attempt++) {
      const current = this.session;
      const session = await this.openSession();
      if (!session.token) return session;
      const answer = await callApi(`${this.settings.url}/${path}`, { method, headers: { "App-Token": this.settings.appToken, "Session-Token": session.token }, body });
      if (isSessionRefused(answer) && attempt === 1) {
        // Expired or killed: forget it (unless another call already replaced it) and open another.
        if (this.session === current || current === null) this.session = null;
        continue;
      }
      return answer;
    }
  }
}
