import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors';
import { mediaType } from './limits';
import { crossSite, notDirectlyLocal, ownOrigins } from './local-only';

export type BotGateOptions = {
  /** The bot's app id; absent, the endpoint is the unauthenticated local one. */
  readonly appId?: string;
  readonly publicUrl: string;
};

/**
 * What `/api/messages` checks before its body is read (the body limit comes next): no browser page
 * of another site, JSON only, and then either a Bot Framework bearer token made out to this bot
 * (its signature is checked by the adapter once the small body is read) or, for the local
 * endpoint without an app id, a direct request from this machine (not through a tunnel).
 */
export function botGate(options: BotGateOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const foreign = crossSite(c, ownOrigins(c, options.publicUrl));
    if (foreign) {
      throw new DomainError('forbidden', `The bot endpoint refuses this request: ${foreign}.`);
    }
    const type = mediaType(c.req.header('content-type') ?? null);
    if (type !== 'application/json') {
      throw new DomainError(
        'unsupported_media_type',
        `The bot endpoint accepts application/json activities only${type ? `, not ${type}` : ''}.`,
        { accepted: ['application/json'] },
      );
    }
    if (options.appId === undefined) {
      const why = notDirectlyLocal(c);
      if (why) {
        throw new DomainError(
          'forbidden',
          `The bot endpoint without BOT_APP_ID answers this machine only: ${why}.`,
        );
      }
    } else if (!isTokenFor(c.req.header('authorization'), options.appId)) {
      throw new DomainError(
        'unauthenticated',
        'The bot endpoint needs a Bot Framework token (Authorization: Bearer …) issued for this bot.',
      );
    }
    await next();
  };
}

/**
 * True when the header is `Bearer <JWT>` whose audience is `appId`: a cheap filter, without the
 * signature (the adapter verifies that), so that anonymous traffic is turned away unread.
 */
function isTokenFor(header: string | undefined, appId: string): boolean {
  const token = /^Bearer\s+([\w-]+)\.([\w-]+)\.([\w-]+)\s*$/i.exec(header ?? '');
  if (!token?.[2] || token[2].length > 8192) return false;
  try {
    const payload = JSON.parse(Buffer.from(token[2], 'base64url').toString('utf8')) as {
      aud?: unknown;
    };
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return audiences.some(
      (aud) => typeof aud === 'string' && aud.toLowerCase() === appId.toLowerCase(),
    );
  } catch {
    return false;
  }
}
