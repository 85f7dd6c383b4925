import { ConfigError, isLoopbackHost, loadConfig } from '../../../src/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('configuration from the environment', () => {
  it('defaults to the embedded local mode on 127.0.0.1:3978 with demo data and development sign-in', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.cosmos).toEqual({
      mode: 'embedded',
      database: 'mentoring',
      dataDir: '.data',
      snapshot: true,
    });
    expect(config.seedDemoData).toBe(true);
    expect(config.auth.devSignIn).toBe(true);
    expect(config.publicUrl).toBe('http://127.0.0.1:3978');
  });

  it('talks to Azure Cosmos DB when COSMOS_ENDPOINT is set, seeding nothing unless asked', () => {
    const env = {
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      AUTH_CLIENT_ID: '6f1c1f4e-0a4b-4f5e-9d8a-2a0b1c2d3e4f',
      AUTH_TENANT_IDS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    };
    const config = loadConfig(env);
    expect(config.cosmos).toEqual({
      mode: 'remote',
      endpoint: env.COSMOS_ENDPOINT,
      database: 'mentoring',
    });
    expect(config.seedDemoData).toBe(false);
    expect(config.auth.devSignIn).toBe(false);
    expect(loadConfig({ ...env, SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
  });

  it('rejects a malformed COSMOS_ENDPOINT with a message naming the key and the value', () => {
    const problems = problemsOf({ COSMOS_ENDPOINT: 'not-a-url' });
    expect(
      problems.some((p) => p.startsWith('COSMOS_ENDPOINT:') && p.includes('"not-a-url"')),
    ).toBe(true);
  });

  it('lists every bad key at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SCHEDULER: 'maybe',
      COSMOS_DATABASE: 'a b',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'SCHEDULER', 'COSMOS_DATABASE']),
    );
  });

  it('refuses development sign-in with a remote Cosmos DB', () => {
    const problems = problemsOf({
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com/',
      DEV_SIGN_IN: 'true',
    });
    expect(problems.some((p) => p.startsWith('DEV_SIGN_IN:'))).toBe(true);
  });

  it('refuses development sign-in and an unauthenticated bot when bound beyond loopback', () => {
    const problems = problemsOf({ HOST: '0.0.0.0' });
    expect(problems.some((p) => p.startsWith('DEV_SIGN_IN:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('BOT_APP_ID:'))).toBe(true);
  });

  it('requires the tenant allow-list with an SSO client id, and checks each tenant id', () => {
    const base = { DEV_SIGN_IN: 'false', AUTH_CLIENT_ID: '6f1c1f4e-0a4b-4f5e-9d8a-2a0b1c2d3e4f' };
    expect(problemsOf(base).some((p) => p.startsWith('AUTH_TENANT_IDS:'))).toBe(true);
    expect(
      problemsOf({ ...base, AUTH_TENANT_IDS: 'contoso' }).some((p) =>
        p.includes('"contoso" is not a tenant GUID'),
      ),
    ).toBe(true);
  });

  it('never echoes secrets in its messages', () => {
    const problems = problemsOf({ GRAPH_CLIENT_SECRET: 's3cr3t-value' });
    expect(problems.join('\n')).not.toContain('s3cr3t-value');
    expect(problems.some((p) => p.startsWith('GRAPH_CLIENT_SECRET:'))).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ COSMOS_ENDPOINT: '', PORT: ' ' }).cosmos.mode).toBe('embedded');
  });

  it('reads the calendar refresh window and sweep interval, 5 minutes and 6 hours by default', () => {
    expect(loadConfig({}).calendarRefresh).toEqual({
      minAgeMs: 5 * 60_000,
      sweepIntervalMs: 6 * 3_600_000,
    });
    expect(
      loadConfig({ CALENDAR_REFRESH_MINUTES: '0', CALENDAR_SWEEP_HOURS: '0.5' }).calendarRefresh,
    ).toEqual({ minAgeMs: 0, sweepIntervalMs: 1_800_000 });
    const problems = problemsOf({ CALENDAR_REFRESH_MINUTES: '2.5', CALENDAR_SWEEP_HOURS: '0' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'CALENDAR_REFRESH_MINUTES: must be a whole number of minutes (got "2.5")',
        'CALENDAR_SWEEP_HOURS: must be between 0.25 and 168 (got "0")',
      ]),
    );
  });

  it('reads the lease on work a crashed instance leaves, 120 seconds by default, 5 at least', () => {
    expect(loadConfig({}).workLeaseMs).toBe(120_000);
    expect(loadConfig({ WORK_LEASE_SECONDS: '5' }).workLeaseMs).toBe(5_000);
    expect(problemsOf({ WORK_LEASE_SECONDS: '2' })).toEqual([
      'WORK_LEASE_SECONDS: must be between 5 and 3600 (got "2")',
    ]);
    expect(problemsOf({ WORK_LEASE_SECONDS: '7.5' })).toEqual([
      'WORK_LEASE_SECONDS: must be a whole number of seconds (got "7.5")',
    ]);
  });

  it('keeps final notifications 90 days by default, never less than the 30-day replay horizon', () => {
    expect(loadConfig({}).notificationRetentionDays).toBe(90);
    expect(loadConfig({ NOTIFICATION_RETENTION_DAYS: '30' }).notificationRetentionDays).toBe(30);
    expect(problemsOf({ NOTIFICATION_RETENTION_DAYS: '7' })).toEqual([
      'NOTIFICATION_RETENTION_DAYS: must be between 30 and 3650 (got "7")',
    ]);
  });

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '10.0.0.1', '::', 'example.com'])
      expect(isLoopbackHost(h)).toBe(false);
  });
});
