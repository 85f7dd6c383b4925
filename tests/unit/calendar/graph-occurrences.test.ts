import type { Event } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reconcileOccurrences } from '../../../src/domain/calendar/occurrences';
import { expandRecurrence } from '../../../src/domain/calendar/recurrence';
import { GRAPH, aRule, graphCalendar, marc, server } from '../../support/graph-kit';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const series = { organiser: marc, seriesId: 'AAMk/series=' };
const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });

const instance = (
  id: string,
  originalStart: string,
  start: string,
  end: string,
  response = 'accepted',
): Event => ({
  id,
  type: originalStart === start ? 'occurrence' : 'exception',
  originalStart,
  start: utc(start),
  end: utc(end),
  attendees: [
    {
      emailAddress: { address: 'chloe@contoso.com', name: 'Chloé' },
      status: { response: response as 'accepted' },
    },
  ],
});

describe('reading a series back from Graph', () => {
  it('pages through instances and reports moves, declines and cancellations', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id/instances`, ({ request, params }) => {
        const url = new URL(request.url);
        queries.push(url.searchParams);
        expect(params.id).toBe('AAMk/series=');
        expect(request.headers.get('prefer')).toBe('outlook.timezone="UTC"');
        if (!url.searchParams.get('page')) {
          return HttpResponse.json({
            value: [
              instance(
                'i1',
                '2026-03-17T14:00:00Z',
                '2026-03-17T14:00:00.0000000',
                '2026-03-17T15:00:00.0000000',
              ),
              instance(
                'i2',
                '2026-03-24T14:00:00Z',
                '2026-03-25T09:00:00.0000000',
                '2026-03-25T10:00:00.0000000',
              ),
            ],
            '@odata.nextLink': `${GRAPH}/users/marc%40contoso.com/events/AAMk%2Fseries%3D/instances?page=2`,
          });
        }
        return HttpResponse.json({
          value: [
            instance(
              'i4',
              '2026-04-07T13:00:00Z',
              '2026-04-07T13:00:00.0000000',
              '2026-04-07T14:00:00.0000000',
              'declined',
            ),
          ],
        });
      }),
    );
    const { calendar } = graphCalendar();
    const window = { start: '2026-03-16T00:00:00.000Z', end: '2026-04-13T00:00:00.000Z' };
    const listed = await calendar.listOccurrences(series, window);
    expect(queries[0]?.get('startDateTime')).toBe('2026-03-16T00:00:00.000Z');
    expect(queries[0]?.get('endDateTime')).toBe('2026-04-13T00:00:00.000Z');
    expect(queries[0]?.get('$select')).toBe('id,start,end,originalStart,attendees,type');
    expect(listed.map((o) => [o.providerId, o.occurrenceKey, o.start])).toEqual([
      ['i1', '2026-03-17T14:00:00.000Z', '2026-03-17T14:00:00.000Z'],
      ['i2', '2026-03-24T14:00:00.000Z', '2026-03-25T09:00:00.000Z'],
      ['i4', '2026-04-07T13:00:00.000Z', '2026-04-07T13:00:00.000Z'],
    ]);
    const booked = expandRecurrence(aRule()).map((o) => ({
      occurrenceKey: o.originalStart,
      start: o.start,
    }));
    expect(reconcileOccurrences(booked, listed, window)).toEqual([
      {
        kind: 'moved',
        occurrenceKey: '2026-03-24T14:00:00.000Z',
        start: '2026-03-25T09:00:00.000Z',
        end: '2026-03-25T10:00:00.000Z',
      },
      { kind: 'cancelled', occurrenceKey: '2026-03-31T13:00:00.000Z' },
      { kind: 'declined', occurrenceKey: '2026-04-07T13:00:00.000Z', email: 'chloe@contoso.com' },
    ]);
  });

  it('moves one occurrence: finds its instance, then patches only that one', async () => {
    const patches: Event[] = [];
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id/instances`, () =>
        HttpResponse.json({
          value: [
            instance(
              'i2',
              '2026-03-24T14:00:00Z',
              '2026-03-24T14:00:00.0000000',
              '2026-03-24T15:00:00.0000000',
            ),
          ],
        }),
      ),
      http.patch(`${GRAPH}/users/:mailbox/events/:id`, async ({ request, params }) => {
        expect(params.id).toBe('i2');
        const patch = (await request.json()) as Event;
        patches.push(patch);
        return HttpResponse.json(
          instance(
            'i2',
            '2026-03-24T14:00:00Z',
            '2026-03-26T08:00:00.0000000',
            '2026-03-26T09:00:00.0000000',
          ),
        );
      }),
    );
    const { calendar } = graphCalendar();
    const moved = await calendar.rescheduleOccurrence({
      series,
      occurrenceKey: '2026-03-24T14:00:00.000Z',
      start: '2026-03-26T08:00:00.000Z',
    });
    expect(patches).toEqual([
      {
        start: { dateTime: '2026-03-26T08:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-26T09:00:00', timeZone: 'UTC' },
      },
    ]);
    expect(moved).toMatchObject({
      occurrenceKey: '2026-03-24T14:00:00.000Z',
      start: '2026-03-26T08:00:00.000Z',
      providerId: 'i2',
    });
  });

  it('says so when the occurrence to move is no longer there', async () => {
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id/instances`, () =>
        HttpResponse.json({ value: [] }),
      ),
    );
    const { calendar } = graphCalendar();
    await expect(
      calendar.rescheduleOccurrence({
        series,
        occurrenceKey: '2026-03-24T14:00:00.000Z',
        start: '2026-03-26T08:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

const master = (): Event => ({
  id: 'AAMk/series=',
  type: 'seriesMaster',
  start: utc('2026-03-17T14:00:00.0000000'),
  end: utc('2026-03-17T15:00:00.0000000'),
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
    range: {
      type: 'numbered',
      startDate: '2026-03-17',
      numberOfOccurrences: 6,
      recurrenceTimeZone: 'Europe/Paris',
    },
  },
});

describe('cancelling the rest of a series', () => {
  it('ends the series after the last session held, keeping the past ones', async () => {
    const patches: Event[] = [];
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id`, () => HttpResponse.json(master())),
      http.patch(`${GRAPH}/users/:mailbox/events/:id`, async ({ request }) => {
        patches.push((await request.json()) as Event);
        return HttpResponse.json(master());
      }),
    );
    const { calendar } = graphCalendar();
    // Paused on 1 April: 17, 24 and 31 March were held (31 March at 13:00Z, after the change).
    const result = await calendar.cancelRemaining(series, '2026-04-01T00:00:00.000Z');
    expect(result).toEqual({ cancelled: 3 });
    expect(patches).toEqual([
      {
        recurrence: {
          pattern: {
            type: 'weekly',
            interval: 1,
            daysOfWeek: ['tuesday'],
            firstDayOfWeek: 'monday',
          },
          range: {
            type: 'endDate',
            startDate: '2026-03-17',
            endDate: '2026-03-31',
            recurrenceTimeZone: 'Europe/Paris',
          },
        },
      },
    ]);
  });

  it('cancels the whole series, notifying attendees, when no session was held', async () => {
    const cancels: unknown[] = [];
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id`, () => HttpResponse.json(master())),
      http.post(`${GRAPH}/users/:mailbox/events/:id/cancel`, async ({ request }) => {
        cancels.push(await request.json());
        return new HttpResponse(null, { status: 202 });
      }),
    );
    const { calendar } = graphCalendar();
    expect(await calendar.cancelRemaining(series, '2026-03-01T00:00:00.000Z')).toEqual({
      cancelled: 6,
    });
    expect(cancels).toEqual([{ comment: 'Mentoring: the pair has ended or paused its sessions.' }]);
  });

  it('says the series is gone when Outlook no longer has it', async () => {
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'ErrorItemNotFound',
              message: 'The specified object was not found in the store.',
            },
          },
          { status: 404 },
        ),
      ),
    );
    const { calendar } = graphCalendar();
    await expect(
      calendar.cancelRemaining(series, '2026-04-01T00:00:00.000Z'),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: "The sessions are no longer in Marc's calendar (deleted in Outlook)",
    });
  });

  it('does nothing when every session is already past', async () => {
    server.use(http.get(`${GRAPH}/users/:mailbox/events/:id`, () => HttpResponse.json(master())));
    const { calendar } = graphCalendar();
    expect(await calendar.cancelRemaining(series, '2026-06-01T00:00:00.000Z')).toEqual({
      cancelled: 0,
    });
  });
});
