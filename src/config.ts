import { z } from 'zod';
import {
  defaultNotificationRetentionDays,
  minNotificationRetentionDays,
} from './domain/notification-retention';

/**
 * The environment, parsed once at start-up. A missing or malformed value stops the process with a
 * message listing every bad key (see `ConfigError`). Every variable is documented in README.md.
 */

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
    error: 'must be true or false',
  })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const httpsOrLoopbackUrl = z
  .url({ error: 'must be a URL such as https://<account>.documents.azure.com:443/' })
  .refine(
    (v) => {
      if (!URL.canParse(v)) return true; // already reported by z.url()
      const u = new URL(v);
      return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
    },
    { error: 'must use https (plain http only for a loopback address)' },
  );

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  error: 'must be a GUID such as 00000000-0000-0000-0000-000000000000',
});

const envSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3978),
    HOST: z.string().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
    PUBLIC_URL: z.url({ error: 'must be a URL such as https://mentoring.contoso.com' }).optional(),

    COSMOS_ENDPOINT: httpsOrLoopbackUrl.optional(),
    COSMOS_KEY: z.string().min(1).optional(),
    COSMOS_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,255}$/, { error: 'must be letters, digits, - or _' })
      .default('mentoring'),
    SEED_DEMO_DATA: flag.optional(),
    LOCAL_DATA_DIR: z.string().min(1).default('.data'),
    LOCAL_SNAPSHOT: flag.default(true),

    DEV_SIGN_IN: flag.optional(),
    DEMO_TENANT_ID: guid.default('11111111-2222-4333-8444-555555555555'),
    AUTH_CLIENT_ID: guid.optional(),
    AUTH_APP_ID_URI: z.string().min(1).optional(),
    AUTH_TENANT_IDS: list.optional(),
    AUTH_JWKS_URI: z.url({ error: 'must be a URL' }).optional(),
    PROGRAMME_LEAD_EMAILS: list.optional(),

    BOT_APP_ID: guid.optional(),
    BOT_APP_PASSWORD: z.string().min(1).optional(),
    BOT_APP_TYPE: z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        error: 'must be SingleTenant, MultiTenant or UserAssignedMSI',
      })
      .default('SingleTenant'),
    BOT_TENANT_ID: guid.optional(),

    GRAPH_TENANT_ID: guid.optional(),
    GRAPH_CLIENT_ID: guid.optional(),
    GRAPH_CLIENT_SECRET: z.string().min(1).optional(),

    APPLICATIONINSIGHTS_CONNECTION_STRING: z
      .string()
      .regex(/InstrumentationKey=/i, { error: 'must be an Application Insights connection string' })
      .optional(),

    SCHEDULER: flag.default(true),
    WORK_LEASE_SECONDS: z.coerce
      .number({ error: 'must be a number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(5, { error: 'must be between 5 and 3600' })
      .max(3600, { error: 'must be between 5 and 3600' })
      .default(120),
    NOTIFICATION_RETENTION_DAYS: z.coerce
      .number({ error: 'must be a number of days' })
      .int({ error: 'must be a whole number of days' })
      .min(minNotificationRetentionDays, {
        error: `must be between ${minNotificationRetentionDays} and 3650`,
      })
      .max(3650, { error: `must be between ${minNotificationRetentionDays} and 3650` })
      .default(defaultNotificationRetentionDays),
    CALENDAR_REFRESH_MINUTES: z.coerce
      .number({ error: 'must be a number of minutes' })
      .int({ error: 'must be a whole number of minutes' })
      .min(0, { error: 'must be between 0 and 1440' })
      .max(1440, { error: 'must be between 0 and 1440' })
      .default(5),
    CALENDAR_SWEEP_HOURS: z.coerce
      .number({ error: 'must be a number of hours' })
      .min(0.25, { error: 'must be between 0.25 and 168' })
      .max(168, { error: 'must be between 0.25 and 168' })
      .default(6),
    MAX_BODY_KB: z.coerce
      .number({ error: 'must be a number of KiB' })
      .int({ error: 'must be a whole number of KiB' })
      .min(1, { error: 'must be between 1 and 1024' })
      .max(1024, { error: 'must be between 1 and 1024' })
      .default(64),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: 'must be a number of requests' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .default(1200),
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce
      .number({ error: 'must be a number of requests' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .default(600),
    TRUST_PROXY: flag.optional(),
    LOG_LEVEL: z
      .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
      .default('info'),
  })
  .superRefine((env, ctx) => {
    const bad = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const embedded = env.COSMOS_ENDPOINT === undefined;
    if (env.DEV_SIGN_IN === true && !embedded) {
      bad(
        'DEV_SIGN_IN',
        'development sign-in is refused with a remote Cosmos DB (COSMOS_ENDPOINT is set)',
      );
    }
    const devSignIn = env.DEV_SIGN_IN ?? embedded;
    if (devSignIn && !isLoopbackHost(env.HOST)) {
      bad(
        'DEV_SIGN_IN',
        `development sign-in is refused when HOST is not loopback (HOST=${env.HOST}); set DEV_SIGN_IN=false`,
      );
    }
    if (env.BOT_APP_ID === undefined && !isLoopbackHost(env.HOST)) {
      bad(
        'BOT_APP_ID',
        'required when HOST is not loopback: the bot endpoint must not accept unauthenticated activities',
      );
    }
    if (
      env.BOT_APP_ID !== undefined &&
      env.BOT_APP_TYPE !== 'UserAssignedMSI' &&
      env.BOT_APP_PASSWORD === undefined
    ) {
      bad('BOT_APP_PASSWORD', `required with BOT_APP_TYPE=${env.BOT_APP_TYPE}`);
    }
    if (
      env.BOT_APP_ID !== undefined &&
      env.BOT_APP_TYPE !== 'MultiTenant' &&
      env.BOT_TENANT_ID === undefined
    ) {
      bad('BOT_TENANT_ID', `required with BOT_APP_TYPE=${env.BOT_APP_TYPE}`);
    }
    if (!devSignIn && env.AUTH_CLIENT_ID === undefined) {
      bad(
        'AUTH_CLIENT_ID',
        'required when development sign-in is off: the tab API validates Teams SSO tokens for this app',
      );
    }
    if (env.AUTH_CLIENT_ID !== undefined && (env.AUTH_TENANT_IDS ?? []).length === 0) {
      bad(
        'AUTH_TENANT_IDS',
        'required with AUTH_CLIENT_ID: the comma-separated list of allowed tenant ids',
      );
    }
    for (const id of env.AUTH_TENANT_IDS ?? []) {
      if (!guid.safeParse(id).success) bad('AUTH_TENANT_IDS', `"${id}" is not a tenant GUID`);
    }
    const graph = [env.GRAPH_TENANT_ID, env.GRAPH_CLIENT_ID, env.GRAPH_CLIENT_SECRET];
    if (graph.some((v) => v !== undefined) && graph.some((v) => v === undefined)) {
      bad(
        'GRAPH_CLIENT_SECRET',
        'GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET go together',
      );
    }
  });

export type Env = z.output<typeof envSchema>;

/** The application's configuration, derived from the environment. */
export type Config = {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly cosmos:
    | {
        readonly mode: 'embedded';
        readonly database: string;
        readonly dataDir: string;
        readonly snapshot: boolean;
      }
    | {
        readonly mode: 'remote';
        readonly endpoint: string;
        readonly database: string;
        /** Absent: Entra ID through DefaultAzureCredential. */
        readonly key?: string;
      };
  readonly seedDemoData: boolean;
  readonly demoTenantId: string;
  readonly auth: {
    readonly devSignIn: boolean;
    readonly clientId?: string;
    readonly appIdUri?: string;
    readonly tenantIds: readonly string[];
    readonly jwksUri?: string;
    readonly leadEmails: readonly string[];
  };
  readonly bot: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    readonly tenantId?: string;
  };
  readonly graph?: {
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret: string;
  };
  readonly scheduler: boolean;
  /**
   * How long work an instance took (a reminder it is sending, an import it is running) stays its
   * own without a sign of life: after a crash, another instance or the restarted one takes the
   * reminder over, and the import is reported interrupted, once this has passed.
   */
  readonly workLeaseMs: number;
  /**
   * Sent, failed and cancelled notifications are purged this many days after they were due or
   * sent (at least the replay horizon, src/domain/notification-retention.ts).
   */
  readonly notificationRetentionDays: number;
  readonly calendarRefresh: {
    /** A member's refresh within this long of the last read of the series answers from the store. */
    readonly minAgeMs: number;
    /** The scheduler's sweep reads a pair's series again once its last read is this old. */
    readonly sweepIntervalMs: number;
  };
  /** Limits at the HTTP edge (src/api/limits.ts, src/api/rate-limit.ts). */
  readonly limits: {
    /** Largest request body but the import's and the bot's. */
    readonly bodyBytes: number;
    readonly perUserPerMinute: number;
    readonly perAddressPerMinute: number;
  };
  /**
   * Behind a proxy that sets `X-Forwarded-For` and `X-Forwarded-Proto` (App Service): they give
   * the client's address for rate limits and HTTPS for HSTS. Default: on when HOST is not loopback.
   */
  readonly trustProxy: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Azure Monitor through OpenTelemetry when set (src/app/telemetry.ts); nothing sent otherwise. */
  readonly telemetryConnectionString?: string;
};

/** Thrown with every bad key at once, so one start-up tells the whole story. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Parse the environment (unset and empty values are the same) into a Config, or throw ConfigError. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const known = Object.keys(envSchema.shape);
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(environment)';
      const got =
        typeof issue.path[0] === 'string' &&
        input[issue.path[0]] !== undefined &&
        !/SECRET|PASSWORD|KEY/.test(key)
          ? ` (got "${input[issue.path[0]]}")`
          : '';
      return `${key}: ${issue.message}${got}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const embedded = e.COSMOS_ENDPOINT === undefined;
  const hostForUrl = e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://${hostForUrl}:${e.PORT}`).replace(/\/$/, ''),
    cosmos: embedded
      ? {
          mode: 'embedded',
          database: e.COSMOS_DATABASE,
          dataDir: e.LOCAL_DATA_DIR,
          snapshot: e.LOCAL_SNAPSHOT,
        }
      : {
          mode: 'remote',
          endpoint: e.COSMOS_ENDPOINT!,
          database: e.COSMOS_DATABASE,
          ...(e.COSMOS_KEY ? { key: e.COSMOS_KEY } : {}),
        },
    seedDemoData: e.SEED_DEMO_DATA ?? embedded,
    demoTenantId: e.DEMO_TENANT_ID,
    auth: {
      devSignIn: e.DEV_SIGN_IN ?? embedded,
      ...(e.AUTH_CLIENT_ID ? { clientId: e.AUTH_CLIENT_ID } : {}),
      ...(e.AUTH_APP_ID_URI ? { appIdUri: e.AUTH_APP_ID_URI } : {}),
      tenantIds: e.AUTH_TENANT_IDS ?? [],
      ...(e.AUTH_JWKS_URI ? { jwksUri: e.AUTH_JWKS_URI } : {}),
      leadEmails: (e.PROGRAMME_LEAD_EMAILS ?? []).map((m) => m.toLowerCase()),
    },
    bot: {
      ...(e.BOT_APP_ID ? { appId: e.BOT_APP_ID } : {}),
      ...(e.BOT_APP_PASSWORD ? { appPassword: e.BOT_APP_PASSWORD } : {}),
      appType: e.BOT_APP_TYPE,
      ...(e.BOT_TENANT_ID ? { tenantId: e.BOT_TENANT_ID } : {}),
    },
    ...(e.GRAPH_TENANT_ID && e.GRAPH_CLIENT_ID && e.GRAPH_CLIENT_SECRET
      ? {
          graph: {
            tenantId: e.GRAPH_TENANT_ID,
            clientId: e.GRAPH_CLIENT_ID,
            clientSecret: e.GRAPH_CLIENT_SECRET,
          },
        }
      : {}),
    scheduler: e.SCHEDULER,
    workLeaseMs: e.WORK_LEASE_SECONDS * 1000,
    notificationRetentionDays: e.NOTIFICATION_RETENTION_DAYS,
    calendarRefresh: {
      minAgeMs: e.CALENDAR_REFRESH_MINUTES * 60_000,
      sweepIntervalMs: Math.round(e.CALENDAR_SWEEP_HOURS * 3_600_000),
    },
    limits: {
      bodyBytes: e.MAX_BODY_KB * 1024,
      perUserPerMinute: e.RATE_LIMIT_PER_MINUTE,
      perAddressPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    },
    trustProxy: e.TRUST_PROXY ?? !isLoopbackHost(e.HOST),
    logLevel: e.LOG_LEVEL,
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : {}),
  };
}
