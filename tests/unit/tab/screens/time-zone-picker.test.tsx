import { Field } from '@fluentui/react-components';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  allTimeZones,
  filterTimeZones,
  TimeZonePicker,
} from '../../../../tab/src/components/TimeZonePicker';
import { renderScreen } from './render-screen';

function Harness({ onChange }: { onChange: (zone: string) => void }) {
  const [zone, setZone] = useState('Europe/Paris');
  return (
    <Field label="Time zone">
      <TimeZonePicker
        value={zone}
        onChange={(next) => {
          setZone(next);
          onChange(next);
        }}
      />
    </Field>
  );
}

describe('the time-zone picker', { timeout: 20_000 }, () => {
  it('lists the IANA zones of the runtime and finds them by city, ignoring case and accents', () => {
    expect(allTimeZones()).toContain('Europe/Paris');
    expect(allTimeZones()[0]).toBe('UTC');
    expect(filterTimeZones('new york')).toEqual(['America/New_York']);
    expect(filterTimeZones('TORONTO')).toEqual(['America/Toronto']);
    expect(filterTimeZones('zzz')).toEqual([]);
  });

  it('shows the current zone and changes it when a match is picked', async () => {
    const picked: string[] = [];
    const user = userEvent.setup();
    renderScreen(<Harness onChange={(zone) => picked.push(zone)} />);

    const box = screen.getByRole('combobox', { name: 'Time zone' });
    expect(box).toHaveValue('Europe/Paris');
    await user.clear(box);
    await user.type(box, 'toronto');
    await user.click(await screen.findByRole('option', { name: 'America/Toronto' }));

    expect(picked).toEqual(['America/Toronto']);
    expect(box).toHaveValue('America/Toronto');
  });
});
