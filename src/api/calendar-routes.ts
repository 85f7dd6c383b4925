import { Hono, type Context } from 'hono';
import type { Authenticator } from '../services/auth/principal';
import type { PairCalendarService } from '../services/calendar/pair-calendar-service';
import { requireAuth, type AuthEnv } from './auth-middleware';
import {
  bookingBodySchema,
  calendarQuerySchema,
  rescheduleBodySchema,
  type PairCalendarResponse,
} from '../contracts/calendar';
import { parseJson, parseWith } from './http-errors';
import { withEtag } from './versioning';

export type CalendarRoutesDeps = {
  authenticator: Authenticator;
  calendar: PairCalendarService;
};

/** A pair's sessions in both calendars (route table: src/contracts/calendar.ts). */
export function calendarRoutes(deps: CalendarRoutesDeps) {
  const { calendar } = deps;
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(deps.authenticator);
  for (const path of [
    '/pairs/:id/slots',
    '/pairs/:id/booking',
    '/pairs/:id/calendar',
    '/pairs/:id/calendar/*',
    '/pairs/:id/calendar.ics',
    '/pairs/:id/sessions/:sessionId/reschedule',
  ]) {
    app.use(path, auth);
  }

  const id = (c: Context<AuthEnv>) => c.req.param('id') ?? '';
  const locale = (c: Context<AuthEnv>) =>
    parseWith(calendarQuerySchema, { locale: c.req.query('locale') }, 'query').locale;
  const send = (c: Context<AuthEnv>, view: PairCalendarResponse, status: 200 | 201 = 200) => {
    withEtag(c, view.version);
    return c.json(view, status);
  };

  app.get('/pairs/:id/slots', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await calendar.slots(c.var.principal, id(c), locale(c)));
  });

  app.get('/pairs/:id/calendar', async (c) =>
    send(c, await calendar.calendar(c.var.principal, id(c), locale(c))),
  );

  app.post('/pairs/:id/booking', async (c) => {
    const lang = locale(c);
    const body = await parseJson(c, bookingBodySchema);
    const { response, created } = await calendar.book(c.var.principal, id(c), body.slot, lang);
    return send(c, response, created ? 201 : 200);
  });

  app.post('/pairs/:id/sessions/:sessionId/reschedule', async (c) => {
    const lang = locale(c);
    const body = await parseJson(c, rescheduleBodySchema);
    return send(
      c,
      await calendar.reschedule(
        c.var.principal,
        id(c),
        c.req.param('sessionId') ?? '',
        body.start,
        lang,
      ),
    );
  });

  app.post('/pairs/:id/calendar/refresh', async (c) =>
    send(c, await calendar.refresh(c.var.principal, id(c), locale(c))),
  );

  app.get('/pairs/:id/calendar.ics', async (c) => {
    const { filename, body } = await calendar.ics(c.var.principal, id(c));
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  return app;
}
