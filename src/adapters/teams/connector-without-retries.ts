// botbuilder's connector client retries 429 and 5xx inside the request (waiting Retry-After,
// up to three times). Cagnotte's outbox already retries durably with backoff, jitter and
// Retry-After; waiting in-process as well would hold the worker and hide faults. This removes the
// client's own retry policy from every connector client the adapter creates, and bounds every
// connector call in time (the client has no timeout of its own): a connector that accepts the
// connection and never answers costs one attempt, not a stuck worker. The bound is a callDeadline
// (net/call-deadline.ts): it does not run out while this process is too busy to read the answer,
// so a card the connector posted, or a 429 it sent, is never taken for a lost call.
//
// It also answers every request it cannot authenticate with 401: botbuilder throws other errors
// (jsonwebtoken's "invalid algorithm", "invalid signature", a key set it cannot fetch) that the
// CloudAdapter turned into 500 with the library's text.
import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";
import { callDeadline } from "../net/call-deadline.js";
import { AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type ConnectorFactory } from "botframework-connector";

const RETRY_POLICY = "defaultRetryPolicy";
const TIMEOUT_POLICY = "cagnotteRequestTimeout";
export const CONNECTOR_TIMEOUT_MS = 15_000;

interface TimedRequest {
  timeout: number;
  abortSignal?: AbortSignal;
}

interface WithPipeline {
  client?: {
    pipeline?: {
      removePolicy(options: { name: string }): unknown;
      addPolicy(policy: { name: string; sendRequest(request: TimedRequest, next: (request: TimedRequest) => Promise<unknown>): Promise<unknown> }): void;
    };
  };
}

/** Why a bearer token is refused before any key lookup (the Bot Framework signs with RS256 only), or null. */
export function implausibleToken(authHeader: string): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authHeader.trim())?.[1];
  // not user-facing: refusal reasons for the log
  if (!token) return "not a bearer token";
  const parts = token.split(".");
  // not user-facing: refusal reasons for the log
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return "not a JWT";
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")) as { alg?: unknown; kid?: unknown };
  } catch {
    // not user-facing: refusal reasons for the log
    return "unreadable JWT header";
  }
  // not user-facing: refusal reasons for the log
  if (header?.alg !== "RS256") return `signing algorithm ${JSON.stringify(header?.alg ?? null)} refused`;
  // not user-facing: refusal reasons for the log
  if (typeof header.kid !== "string" || !header.kid) return "no key id";
  return null;
}

export class NoRetryBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly timeoutMs = CONNECTOR_TIMEOUT_MS,
    /** Told why a request was refused (the reason only: never the token). */
    private readonly onRefused: (reason: string) => void = () => {},
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    // No header: botbuilder decides (refused with an app id, allowed in local mode).
    const implausible = authHeader ? implausibleToken(authHeader) : null;
    if (implausible) throw this.refuse(implausible);
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw this.refuse(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  private refuse(reason: string): AuthenticationError {
    this.onRefused(reason);
    return new AuthenticationError("Unauthorized", 401);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    const timeoutMs = this.timeoutMs;
    return {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const client = await inner.create(serviceUrl, audience);
        const pipeline = (client as unknown as WithPipeline).client?.pipeline;
        pipeline?.removePolicy({ name: RETRY_POLICY });
        pipeline?.removePolicy({ name: TIMEOUT_POLICY });
        pipeline?.addPolicy({
          name: TIMEOUT_POLICY,
          async sendRequest(request, next) {
            const deadline = callDeadline(request.timeout || timeoutMs, { parent: request.abortSignal ?? null });
            request.timeout = 0;
            request.abortSignal = deadline.signal;
            try {
              return await next(request);
            } finally {
              deadline.done();
            }
          },
        });
        return client;
      },
    } as ConnectorFactory;
  }
}
