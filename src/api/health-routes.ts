import { Hono } from 'hono';

export type HealthDeps = {
  /** True when the store answers. */
  pingStore: () => Promise<boolean>;
  mode: 'embedded' | 'remote';
  version: string;
  startedAt: Date;
  now: () => Date;
};

/** `GET /api/health`: 200 when the store is up, 503 when it is not. */
export function healthRoutes(deps: HealthDeps) {
  return new Hono().get('/health', async (c) => {
    const up = await deps.pingStore();
    const body = {
      status: up ? ('ok' as const) : ('degraded' as const),
      store: up ? ('up' as const) : ('down' as const),
      storeMode: deps.mode,
      version: deps.version,
      uptimeSeconds: Math.round((deps.now().getTime() - deps.startedAt.getTime()) / 1000),
    };
    return c.json(body, up ? 200 : 503);
  });
}
