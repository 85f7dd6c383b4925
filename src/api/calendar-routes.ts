import { Hono, type Context } from 'hono';
import type { Authenticator } from '../services/auth/principal';
import type { PairCalendarService } from '../services/calendar/pair-calendar-service';
import type { AuthEnv } from './auth-middleware';
import { calendarApi, type PairCalendarResponse } from '../contracts/calendar';
import { declaredRoutes } from './declared-routes';
import { withEtag } from './versioning';

export type CalendarRoutesDeps = {
  authenticator: Authenticator;
  calendar: PairCalendarService;
};

/** A pair's sessions in both calendars (declared in src/contracts/calendar.ts: `calendarApi`). */
export function calendarRoutes(deps: CalendarRoutesDeps) {
  const { calendar } = deps;
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);

  const send = (c: Context<AuthEnv>, view: PairCalendarResponse, status: 200 | 201 = 200) => {
    withEtag(c, view.version);
    return c.json(view, status);
  };

  on(calendarApi.slots, async (c, { params, query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await calendar.slots(c.var.principal, params.id, query.locale));
  });

  on(calendarApi.calendar, async (c, { params, query }) =>
    send(c, await calendar.calendar(c.var.principal, params.id, query.locale)),
  );

  on(calendarApi.book, async (c, { params, query, body }) => {
    const { response, created } = await calendar.book(
      c.var.principal,
      params.id,
      body.slot,
      query.locale,
    );
    return send(c, response, created ? 201 : 200);
  });

  on(calendarApi.reschedule, async (c, { params, query, body }) =>
    send(
      c,
      await calendar.reschedule(
        c.var.principal,
        params.id,
        params.sessionId,
        body.start,
        query.locale,
      ),
    ),
  );

  on(calendarApi.refresh, async (c, { params, query }) =>
    send(c, await calendar.refresh(c.var.principal, params.id, query.locale)),
  );

  on(calendarApi.ics, async (c, { params }) => {
    const { filename, body } = await calendar.ics(c.var.principal, params.id);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  return app;
}
