import { Hono } from 'hono';
import { platformApi, type HealthResponse } from '../contracts/platform';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { openApiDocument } from './openapi';

export type HealthDeps = {
  /** True when the store answers. */
  pingStore: () => Promise<boolean>;
  mode: 'embedded' | 'remote';
  version: string;
  startedAt: Date;
  now: () => Date;
  /** Whether the development sign-in routes are mounted (the API's description lists them then). */
  devSignIn: boolean;
};

/**
 * `GET /api/health` (200 when the store is up, 503 when it is not) and `GET /api/openapi.json`
 * (declared in src/contracts/platform.ts).
 */
export function healthRoutes(deps: HealthDeps) {
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app);
  on(platformApi.health, async (c) => {
    const up = await deps.pingStore();
    const body: HealthResponse = {
      status: up ? 'ok' : 'degraded',
      store: up ? 'up' : 'down',
      storeMode: deps.mode,
      version: deps.version,
      uptimeSeconds: Math.round((deps.now().getTime() - deps.startedAt.getTime()) / 1000),
    };
    return c.json(body, up ? 200 : 503);
  });
  on(platformApi.openApi, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(openApiDocument(deps.version, { devSignIn: deps.devSignIn }));
  });
  return app;
}
