import type { Container } from '@azure/cosmos';
import { calendarSeriesSchema, type CalendarSeries } from '../domain/calendar/calendar-series';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** The local calendar's series (calendar container), used when Graph is not configured. */
export class CalendarRepository extends CosmosRepository<CalendarSeries> {
  constructor(container: Container) {
    super(container, calendarSeriesSchema, { code: 'not_found', entity: 'Calendar series' });
  }

  /** Series with any of `personIds` taking part that overlap [start, end) (ISO UTC). */
  async involving(
    tenantId: string,
    personIds: readonly string[],
    window: { start: string; end: string },
  ): Promise<Versioned<CalendarSeries>[]> {
    if (personIds.length === 0) return [];
    const people = personIds.map((_, i) => `ARRAY_CONTAINS(c.participantIds, @p${i})`).join(' OR ');
    return this.query(tenantId, {
      where: `c.kind = 'series' AND c.firstStart < @end AND c.lastEnd > @start AND (${people})`,
      parameters: [
        { name: '@start', value: new Date(window.start).toISOString() },
        { name: '@end', value: new Date(window.end).toISOString() },
        ...personIds.map((id, i) => ({ name: `@p${i}`, value: id })),
      ],
    });
  }
}
