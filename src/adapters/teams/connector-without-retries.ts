// botbuilder's connector client retries 429 and 5xx inside the request (waiting Retry-After,
// up to three times). Cagnotte's outbox already retries durably with backoff, jitter and
// Retry-After; waiting in-process as well would hold the worker and hide faults. This removes the
// client's own retry policy from every connector client the adapter creates, and bounds every
// connector call in time (the client has no timeout of its own): a connector that accepts the
// connection and never answers costs one attempt, not a stuck worker.
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory } from "botframework-connector";

const RETRY_POLICY = "defaultRetryPolicy";
const TIMEOUT_POLICY = "cagnotteRequestTimeout";
export const CONNECTOR_TIMEOUT_MS = 15_000;

interface TimedRequest {
  timeout: number;
}

interface WithPipeline {
  client?: {
    pipeline?: {
      removePolicy(options: { name: string }): unknown;
      addPolicy(policy: { name: string; sendRequest(request: TimedRequest, next: (request: TimedRequest) => Promise<unknown>): Promise<unknown> }): void;
    };
  };
}

export class NoRetryBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly timeoutMs = CONNECTOR_TIMEOUT_MS,
  ) {
    super(options);
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
          sendRequest(request, next) {
            if (!request.timeout) request.timeout = timeoutMs;
            return next(request);
          },
        });
        return client;
      },
    } as ConnectorFactory;
  }
}
