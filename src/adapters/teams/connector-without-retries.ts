// botbuilder's connector client retries 429 and 5xx inside the request (waiting Retry-After,
// up to three times). Cagnotte's outbox already retries durably with backoff, jitter and
// Retry-After; waiting in-process as well would hold the worker and hide faults. This removes the
// client's own retry policy from every connector client the adapter creates.
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory } from "botframework-connector";

const RETRY_POLICY = "defaultRetryPolicy";

interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

export class NoRetryBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(options);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const client = await inner.create(serviceUrl, audience);
        (client as unknown as WithPipeline).client?.pipeline?.removePolicy({ name: RETRY_POLICY });
        return client;
      },
    } as ConnectorFactory;
  }
}
