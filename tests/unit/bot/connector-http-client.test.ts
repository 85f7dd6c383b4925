import { createBotAdapter } from '../../../bot/bot-endpoint';
import {
  ConnectorThrottledError,
  createConnectorHttpClient,
} from '../../../bot/connector-http-client';
import { isTransient, retryAfterMs, statusOf } from '../../../src/notifications/retry';
import { startTeamsConnector, type TeamsConnector } from '../../../bench/support/teams-connector';

let connector: TeamsConnector | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

const reference = (serviceUrl: string) => ({
  channelId: 'msteams',
  serviceUrl,
  conversation: {
    id: 'a:chat-1',
    isGroup: false,
    name: '',
    conversationType: 'personal',
    tenantId: 'tenant-1',
  },
  user: { id: '29:user-1', name: '' },
  bot: { id: '28:bot', name: '' },
});

async function sendOnce(): Promise<unknown> {
  const adapter = createBotAdapter({}, () => undefined);
  let failure: unknown;
  await adapter.continueConversationAsync('', reference(connector!.url), async (context) => {
    try {
      await context.sendActivity('Bonjour');
    } catch (error) {
      failure = error;
    }
  });
  return failure;
}

describe('the Bot Connector HTTP client', () => {
  it('sends activities and returns the connector’s answer', async () => {
    connector = await startTeamsConnector();
    expect(await sendOnce()).toBeUndefined();
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]?.activity.text).toBe('Bonjour');
  });

  it('surfaces a 429 at once, with its Retry-After, instead of retrying inside botbuilder', async () => {
    connector = await startTeamsConnector({ throttleFirst: 1, retryAfterSeconds: 3 });
    const failure = await sendOnce();
    expect(failure).toBeInstanceOf(ConnectorThrottledError);
    expect(statusOf(failure)).toBe(429);
    expect(retryAfterMs(failure, Date.now())).toBe(3000);
    // One request only: botbuilder's pipeline did not sleep and resend on its own.
    expect(connector.throttled()).toBe(1);
    expect(connector.received).toHaveLength(0);
  });

  it('gives up on a connector that never answers instead of holding the send for good', async () => {
    let calls = 0;
    const silent: typeof fetch = (_url, init) => {
      calls += 1;
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    };
    const client = createConnectorHttpClient(silent, { timeoutMs: 50 });
    const failure = await client
      .sendRequest({
        url: 'http://127.0.0.1:9/v3/conversations/a/activities',
        method: 'POST',
        headers: { toJson: () => ({}) },
        body: '{}',
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    // The scheduler sends it again later rather than marking the reminder failed.
    expect(isTransient(failure)).toBe(true);
    expect(calls).toBe(1);
  });
});
