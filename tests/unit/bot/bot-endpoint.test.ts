import { createBotEndpoint } from '../../../bot/bot-endpoint';
import { startTeamsConnector, type TeamsConnector } from '../../../bench/support/teams-connector';

let connector: TeamsConnector;

beforeEach(async () => {
  connector = await startTeamsConnector();
});

afterEach(async () => {
  await connector.close();
});

function incoming(text: string, locale: string) {
  return {
    type: 'message',
    id: 'incoming-1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale,
    text,
    from: { id: '29:user-1', name: 'Camille', aadObjectId: 'aad-user-1' },
    recipient: { id: '28:bot', name: 'Mentoring' },
    conversation: { id: 'a:conversation-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('createBotEndpoint', () => {
  it('runs the bot and replies to the activity’s serviceUrl in the person’s language', async () => {
    const handler = createBotEndpoint({});
    const response = await handler(post(JSON.stringify(incoming('aide', 'fr-FR'))));

    expect(response.status).toBe(200);
    expect(connector.received).toHaveLength(1);
    const [reply] = connector.received;
    expect(reply?.conversationId).toBe('a:conversation-1');
    expect(reply?.activityId).toBe('incoming-1');
    expect(reply?.activity.text).toContain('Voici ce que je sais faire');
  });

  it('answers English speakers in English', async () => {
    const handler = createBotEndpoint({});
    await handler(post(JSON.stringify(incoming('help', 'en-US'))));
    expect(connector.received[0]?.activity.text).toContain('Here is what I can do');
  });

  it('refuses an unauthenticated activity with 401 once an app id is configured', async () => {
    const handler = createBotEndpoint({
      appId: '00000000-0000-0000-0000-000000000001',
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: '00000000-0000-0000-0000-0000000000aa',
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await handler(post(JSON.stringify(incoming('help', 'en-US'))));
      expect(response.status).toBe(401);
    } finally {
      console.error = original;
    }
    expect(connector.received).toHaveLength(0);
  });

  it('says clearly that a body which is not JSON is refused', async () => {
    const handler = createBotEndpoint({});
    const response = await handler(post('{not json'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses a JSON body that is not an activity object', async () => {
    const handler = createBotEndpoint({});
    const response = await handler(post('[1,2]'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('activity') },
    });
  });

  it('refuses an activity without a type with 400', async () => {
    const handler = createBotEndpoint({});
    const { type: _type, ...untyped } = incoming('help', 'en-US');
    const response = await handler(post(JSON.stringify(untyped)));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('"type"') },
    });
  });

  it('accepts POST only', async () => {
    const handler = createBotEndpoint({});
    const response = await handler(new Request('http://127.0.0.1/api/messages'));
    expect(response.status).toBe(405);
  });
});
