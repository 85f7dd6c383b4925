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
      return json(405, {
        error: 'method_not_allowed',
        message: 'The bot endpoint accepts POST only.',
      });
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, {
        error: 'validation_failed',
        message: 'The request body is not valid JSON.',
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return json(400, {
        error: 'validation_failed',
        message: 'The request body must be a Bot Framework activity (a JSON object).',
      });
    }
    if (typeof (body as { type?: unknown }).type !== 'string') {
      return json(400, {
        error: 'validation_failed',
        message: 'The activity has no "type" (expected "message", "invoke", …).',
      });
    }
    const shim = new ResponseShim();
    const botRequest: BotRequest = {
      method: 'POST',
      headers: Object.fromEntries(request.headers),
      body: body as Record<string, unknown>,
    };
    await adapter.process(botRequest, shim, logic);
    return shim.toResponse();
  };
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

  toResponse(): Response {
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
