import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ActivityHandler,
  type Request as BotRequest,
  type Response as BotResponse,
  type TurnContext,
} from 'botbuilder';
import { createConnectorHttpClient } from './connector-http-client';
import { resolveLocale } from './locale';
import { replyForError } from './error-replies';
import { MentoringBot } from './mentoring-bot';

/** How the bot proves who it is to the Bot Framework, and checks who calls it. */
export type BotCredentials = {
  appId?: string;
  appPassword?: string;
  appType?: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId?: string;
};

type ConnectorOptions = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4];

/** Where a failed turn is reported (defaults to console.error). */
export type BotErrorLog = (message: string, error: unknown) => void;

export type BotEndpointDeps = BotCredentials & {
  /** The turn logic; a plain MentoringBot when omitted. */
  bot?: ActivityHandler;
  /** Share one adapter with the proactive notifier; built from the credentials when omitted. */
  adapter?: CloudAdapter;
  logError?: BotErrorLog;
};

/**
 * A CloudAdapter for these credentials. Without an app id it accepts unauthenticated activities
 * (local and tests only: src/config.ts refuses that beyond loopback).
 */
export function createBotAdapter(
  credentials: BotCredentials,
  logError?: BotErrorLog,
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: credentials.appId,
      MicrosoftAppPassword: credentials.appPassword,
      MicrosoftAppType: credentials.appType,
      MicrosoftAppTenantId: credentials.tenantId,
    },
    undefined,
    undefined,
    undefined,
    // 429s surface to the scheduler's pacer instead of being retried inside botbuilder.
    { httpClient: createConnectorHttpClient() } as unknown as ConnectorOptions,
  );
  const adapter = new CloudAdapter(auth);
  const log = logError ?? defaultLog;
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log('bot turn failed', error);
    // An invoke expects an invoke response, not a message; the caller sees the 500.
    if (context.activity.type === 'invoke') throw error;
    await context.sendActivity(replyForError(error, resolveLocale(context.activity.locale)));
  };
  return adapter;
}

/**
 * The Bot Framework endpoint as a WHATWG handler, for hono:
 * `app.post('/api/messages', (c) => handler(c.req.raw))`.
 */
export function createBotEndpoint(deps: BotEndpointDeps): (request: Request) => Promise<Response> {
  const adapter = deps.adapter ?? createBotAdapter(deps, deps.logError);
  const bot = deps.bot ?? new MentoringBot();
  const logic = (context: TurnContext) => bot.run(context);

  return async (request) => {
    if (request.method !== 'POST') {
      return failed(405, 'method_not_allowed', 'The bot endpoint accepts POST only.');
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return invalid('The request body is not valid JSON.');
    }
    const problem = activityProblem(body, { local: !deps.appId });
    if (problem) return invalid(problem);
    const shim = new ResponseShim();
    const botRequest: BotRequest = {
      method: 'POST',
      headers: Object.fromEntries(request.headers),
      body: body as Record<string, unknown>,
    };
    try {
      await adapter.process(botRequest, shim, logic);
    } catch (error) {
      (deps.logError ?? defaultLog)('bot activity failed', error);
      return failed(500, 'internal', 'The bot could not handle this activity.');
    }
    return shim.toResponse(body as Record<string, unknown>);
  };
}

/** The usual error body of the HTTP edge: `{ error: { code, message } }`. */
function failed(status: number, code: string, message: string): Response {
  return json(status, { error: { code, message } });
}

function invalid(message: string): Response {
  return failed(400, 'validation_failed', message);
}

/**
 * What is wrong with a posted activity, or undefined: the fields botbuilder and our handler read
 * without checking (a missing `recipient` or `conversation` would throw a TypeError mid-turn).
 * The local endpoint (no app id) replies only to a loopback `serviceUrl`: it must not be a way to
 * make this machine post to any address.
 */
function activityProblem(body: unknown, options: { local: boolean }): string | undefined {
  if (!isObject(body)) return 'The request body must be a Bot Framework activity (a JSON object).';
  if (typeof body.type !== 'string' || body.type === '') {
    return 'The activity has no "type" (expected "message", "invoke", …).';
  }
  if (typeof body.serviceUrl !== 'string' || !URL.canParse(body.serviceUrl)) {
    return 'The activity has no valid "serviceUrl" (the address replies go to).';
  }
  const serviceUrl = new URL(body.serviceUrl);
  if (!['http:', 'https:'].includes(serviceUrl.protocol)) {
    return 'The activity\'s "serviceUrl" must be an http or https address.';
  }
  if (options.local && !isLoopbackHostName(serviceUrl.hostname)) {
    return 'The activity\'s "serviceUrl" must be a loopback address: without BOT_APP_ID the bot replies on this machine only.';
  }
  for (const field of ['conversation', 'from', 'recipient'] as const) {
    const value = body[field];
    if (!isObject(value) || typeof value.id !== 'string' || value.id === '') {
      return `The activity has no "${field}.id".`;
    }
  }
  if (body.type === 'invoke') {
    if (typeof body.name !== 'string') return 'The invoke activity has no "name".';
    if (
      body.name === 'adaptiveCard/action' &&
      !(isObject(body.value) && isObject(body.value.action))
    ) {
      return 'The adaptiveCard/action invoke needs a "value" with its "action".';
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLoopbackHostName(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

const defaultLog: BotErrorLog = (message, error) => console.error(message, error);

/** Collects what CloudAdapter writes (status, headers, body) into a WHATWG Response. */
class ResponseShim implements BotResponse {
  socket: unknown = undefined;
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: unknown = undefined;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers.set(name, String(value));
    return this;
  }

  send(body?: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    return this;
  }

  /** The adapter's answer; its plain-text failures (raw exception messages) become JSON errors. */
  toResponse(activity: Record<string, unknown>): Response {
    if (this.statusCode === 501 && activity.type === 'invoke') {
      return invalid(`The bot does not handle the invoke "${String(activity.name)}".`);
    }
    if (this.statusCode === 401) {
      return failed(
        401,
        'unauthenticated',
        'The Bot Framework token is missing or invalid for this bot.',
      );
    }
    if (this.statusCode === 403) {
      return failed(403, 'forbidden', 'This Bot Framework token may not call this bot.');
    }
    if (this.statusCode >= 500) {
      return failed(500, 'internal', 'The bot could not handle this activity.');
    }
    if (this.body === undefined || this.body === null) {
      return new Response(null, { status: this.statusCode, headers: this.headers });
    }
    if (typeof this.body === 'string') {
      if (!this.headers.has('content-type'))
        this.headers.set('content-type', 'text/plain; charset=utf-8');
      return new Response(this.body, { status: this.statusCode, headers: this.headers });
    }
    this.headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(this.body), {
      status: this.statusCode,
      headers: this.headers,
    });
  }
}
