import { readFile } from 'node:fs/promises';
import { LocalCalendar } from '../../src/calendar/local-calendar';
import { systemClock } from '../../src/domain/clock';
import { useTabWorld } from '../support/tab-world';
import { seriousAxeViolations, type ContextOptions, actAs } from '../support/chromium';

const world = useTabWorld({ env: { CALENDAR_REFRESH_MINUTES: '0' } });
const open = (path: string, options?: ContextOptions) => world.open(path, options);

describe('a pair plans its sessions in Chromium (local calendar)', () => {
  it('Michel opens the planning page from his pair, picks a proposed time for his pair with Ethan in Toronto and sees their sessions; axe clean', async () => {
    // From the pair dashboard.
    const page = await open('/pair', { locale: 'en-GB' });
    await actAs(page, 'Michel Brun', /Search/);
    await page.getByRole('button', { name: 'Plan our sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan our sessions' }).waitFor();
    expect(new URL(page.url()).search).toBe('?pair=pair-demo-data');

    const proposals = page.getByRole('list', { name: 'Proposed times' });
    await proposals.waitFor();
    const items = proposals.getByRole('listitem');
    expect(await items.count()).toBe(5);
    // Both members' local times: Michel in Paris, Ethan in Toronto.
    const first = items.first();
    await first.getByText('You', { exact: true }).waitFor();
    await first.getByText('Ethan Walker', { exact: true }).waitFor();
    await first.locator('dd').filter({ hasText: '(America/Toronto)' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await first.getByRole('button', { name: /^Book proposal 1/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Book these sessions?' });
    await dialog.waitFor();
    await dialog.getByText(/comes to you from Ethan Walker’s calendar/).waitFor();
    await dialog.getByRole('button', { name: 'Yes, book' }).click();

    await page.getByRole('status').getByText('Your sessions are booked.').waitFor();
    const sessions = page.getByRole('list', { name: 'Our sessions' }).getByRole('listitem');
    await sessions.first().waitFor();
    // One session held before, five booked every two weeks.
    expect(await sessions.count()).toBe(6);
    expect(await sessions.getByText('Planned', { exact: true }).count()).toBe(5);
    await page
      .getByText('In Ethan Walker’s calendar, with a Teams meeting; you are invited.')
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the sessions (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mentoring-pair-demo-data.ics');
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2');

    // Michel moves session 3 by a day: only that one moves.
    const third = sessions.nth(2);
    const dateBefore = await third.getByRole('heading').textContent();
    await third.getByRole('button', { name: 'Move session 3' }).click();
    const move = page.getByRole('dialog', { name: 'Move session 3' });
    const field = move.getByLabel('New date and time (your time)');
    const current = await field.inputValue();
    const next = new Date(Date.parse(`${current}:00Z`) + 86_400_000).toISOString().slice(0, 16);
    await field.fill(next);
    await move.getByRole('button', { name: 'Move it' }).click();
    await page
      .getByRole('status')
      .getByText(/^Session 3 moved to /)
      .waitFor();
    expect(await sessions.nth(2).getByRole('heading').textContent()).not.toBe(dateBefore);

    // Reloading shows the same sessions: they are stored, not just on screen.
    await page.reload();
    const reloaded = page.getByRole('list', { name: 'Our sessions' }).getByRole('listitem');
    await reloaded.first().waitFor();
    expect(await reloaded.count()).toBe(6);
    await page.context().close();
  });

  it('his partner sees the booked sessions in French with his own Toronto time first, in dark mode; axe clean', async () => {
    const page = await open('/plan', { locale: 'fr-FR', colorScheme: 'dark' });
    await page.getByRole('heading', { level: 1, name: 'Planifier nos séances' }).waitFor();
    await actAs(page, 'Ethan Walker', /Rechercher/);
    const sessions = page.getByRole('list', { name: 'Nos séances' }).getByRole('listitem');
    await sessions.first().waitFor();
    expect(await sessions.count()).toBe(6);
    await sessions.nth(1).getByText('Vous', { exact: true }).waitFor();
    await sessions
      .nth(1)
      .getByText(/\(Europe\/Paris\)/)
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the planning page passes axe in high contrast', async () => {
    const page = await open('/plan', { locale: 'en-GB', forcedColors: 'active' });
    await actAs(page, 'Ethan Walker', /Search/);
    await page.getByRole('list', { name: 'Our sessions' }).getByRole('listitem').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('Ethan’s dashboard says that Michel declined a session and that another moved in the calendar; axe clean', async () => {
    const tenantId = world.app.server.config.demoTenantId;
    const pair = await world.app.repos.pairs.get(tenantId, 'pair-demo-data');
    const planned = pair.value.sessions
      .filter((s) => s.status === 'planned' && s.calendarEventId)
      .sort((a, b) => a.start.localeCompare(b.start));
    const [first, second] = planned;
    const repository = world.app.repos.calendar;
    const series = await repository.get(tenantId, pair.value.calendar.seriesId!);
    const local = new LocalCalendar({ repository, tenantId, clock: systemClock });
    const ref = {
      seriesId: series.value.id,
      organiser: { ...series.value.organiser, timeZone: 'America/Toronto', workingHours: [] },
    };
    // In the calendar, not in the app: the first session moves two hours later, and Michel
    // declines the second one.
    const later = new Date(Date.parse(first!.start) + 2 * 3_600_000).toISOString();
    await local.rescheduleOccurrence({
      series: ref,
      occurrenceKey: first!.calendarEventId!,
      start: later,
      currentStart: first!.start,
    });
    const michelEmail = series.value.attendees[0]!.email;
    await local.respond(ref, second!.calendarEventId!, michelEmail, 'declined');

    const page = await open('/pair', { locale: 'en-GB' });
    await actAs(page, 'Ethan Walker', /Search/);
    const notice = page.getByRole('list', { name: 'Changes in the calendar' });
    await notice.waitFor();
    await notice
      .getByText(/^The session of \d+ \w+ moved to \w+ \d+ \w+ at \d\d:\d\d\.$/)
      .waitFor();
    await notice.getByText(/^Michel Brun declined the session of \d+ \w+\.$/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
