import { DomainError } from '../../domain/errors';
import type { Principal } from '../auth/principal';
import { PairCalendarContext, type PairCalendarServiceDeps } from './pair-calendar-context';

/** The .ics download of a pair's series. */
export class IcsExport {
  private readonly context: PairCalendarContext;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.context = new PairCalendarContext(deps);
  }

  /** The series as an .ics file: the local calendar only (with Graph it is in Outlook already). */
  async ics(principal: Principal, pairId: string): Promise<{ filename: string; body: string }> {
    const { value: pair } = await this.context.memberPair(principal, pairId);
    const exportIcs = this.deps.calendars.exportIcs;
    if (!pair.calendar.seriesId || pair.calendar.provider !== 'local' || !exportIcs) {
      throw new DomainError(
        'not_found',
        pair.calendar.seriesId
          ? 'These sessions are in Outlook: there is no .ics file to download'
          : 'No sessions are booked for this pair yet',
        { pairId },
      );
    }
    const body = await exportIcs.call(
      this.deps.calendars,
      pair.tenantId,
      await this.context.seriesRef(pair),
    );
    return { filename: `mentoring-${pair.id}.ics`, body };
  }
}
