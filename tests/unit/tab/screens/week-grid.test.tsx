import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { WeeklySlot } from '../../../../src/domain/common';
import { WeekGrid } from '../../../../tab/src/components/WeekGrid';
import { renderScreen } from './render-screen';

function Harness({
  initial,
  onChange,
  timeZone = 'Europe/Paris',
}: {
  initial: WeeklySlot[];
  onChange: (s: WeeklySlot[]) => void;
  timeZone?: string;
}) {
  const [slots, setSlots] = useState(initial);
  return (
    <>
      <h2 id="grid-label">Availability</h2>
      <WeekGrid
        value={slots}
        onChange={(next) => {
          setSlots(next);
          onChange(next);
        }}
        timeZone={timeZone}
        labelledBy="grid-label"
      />
    </>
  );
}

describe('the week grid', { timeout: 20_000 }, () => {
  it('marks and unmarks hours with the keyboard, moving with the arrow keys', async () => {
    const changes: WeeklySlot[][] = [];
    const user = userEvent.setup();
    renderScreen(<Harness initial={[]} onChange={(s) => changes.push(s)} />);

    const grid = screen.getByRole('grid', { name: 'Availability' });
    expect(grid).toBeInTheDocument();
    const first = screen.getByRole('gridcell', { name: 'Monday, 7:00 AM to 8:00 AM' });
    expect(first).toHaveAttribute('tabindex', '0');
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight} ');

    const tuesdayNine = screen.getByRole('gridcell', { name: 'Tuesday, 9:00 AM to 10:00 AM' });
    expect(tuesdayNine).toHaveFocus();
    expect(tuesdayNine).toHaveAttribute('aria-selected', 'true');
    expect(changes.at(-1)).toEqual([{ day: 'tue', start: '09:00', end: '10:00' }]);

    await user.keyboard('{ArrowDown}{Enter}');
    expect(changes.at(-1)).toEqual([{ day: 'tue', start: '09:00', end: '11:00' }]);
    expect(screen.getByRole('status')).toHaveTextContent('Available 2 h a week.');

    await user.keyboard('{ArrowUp} ');
    expect(changes.at(-1)).toEqual([{ day: 'tue', start: '10:00', end: '11:00' }]);
  });

  it('switches to half-hour cells and keeps what was marked', async () => {
    const changes: WeeklySlot[][] = [];
    const user = userEvent.setup();
    renderScreen(
      <Harness
        initial={[{ day: 'fri', start: '14:00', end: '15:00' }]}
        onChange={(s) => changes.push(s)}
      />,
      { locale: 'fr' },
    );

    await user.click(screen.getByRole('radio', { name: '30 minutes' }));
    expect(screen.getByRole('gridcell', { name: 'vendredi, de 14:00 à 14:30' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    fireEvent.click(screen.getByRole('gridcell', { name: 'vendredi, de 14:30 à 15:00' }));
    expect(changes.at(-1)).toEqual([{ day: 'fri', start: '14:00', end: '14:30' }]);
    expect(screen.getByRole('status')).toHaveTextContent('Disponible 0,5 h par semaine.');
  });

  it('shows times saved outside the usual hours', () => {
    renderScreen(
      <Harness
        initial={[{ day: 'sat', start: '05:00', end: '06:00' }]}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByRole('gridcell', { name: 'Saturday, 5:00 AM to 6:00 AM' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('keeps its day columns narrow enough for the whole week to fit a 400 px tab', () => {
    renderScreen(<Harness initial={[]} onChange={() => undefined} />);
    // 7 × 36 px and the hour labels fit the ~320 px of the profile form at 400 px (44 px did not:
    // Saturday and Sunday were hidden behind a scroll).
    const cell = screen.getByRole('gridcell', { name: 'Sunday, 8:00 AM to 9:00 AM' });
    const header = screen.getByRole('columnheader', { name: /Sun/ });
    expect(parseFloat(getComputedStyle(cell).minWidth)).toBeLessThanOrEqual(36);
    expect(parseFloat(getComputedStyle(header).minWidth)).toBeLessThanOrEqual(36);
    // Still above WCAG 2.5.8's 24 px target.
    expect(parseFloat(getComputedStyle(cell).minWidth)).toBeGreaterThanOrEqual(24);
  });

  it("says the person's zone and, when the device is elsewhere, the time here too", () => {
    // The tests run with TZ=UTC.
    const { unmount } = renderScreen(<Harness initial={[]} onChange={() => undefined} />);
    expect(screen.getByText(/Times are in Europe\/Paris, where it is now/)).toHaveTextContent(
      /On this device it is/,
    );
    unmount();
    renderScreen(<Harness initial={[]} onChange={() => undefined} timeZone="UTC" />);
    expect(screen.getByText(/Times are in UTC/)).not.toHaveTextContent(/On this device/);
  });
});
