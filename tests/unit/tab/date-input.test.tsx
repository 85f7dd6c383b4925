import { Field } from '@fluentui/react-components';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { DateInput, spellOut } from '../../../tab/src/components/DateInput';
import { renderScreen } from './screens/render-screen';

// The order of day, month and year inside a native date box is the browser's (its own language),
// not the app's: what the app controls is the input's language and the date spelled out below it.

function Until({ initial, type }: { initial: string; type?: 'date' | 'datetime-local' }) {
  const [value, setValue] = useState(initial);
  return (
    <Field label="Until" hint="A hint">
      <DateInput
        {...(type ? { type } : {})}
        value={value}
        onChange={(_, data) => setValue(data.value)}
      />
    </Field>
  );
}

describe('a date typed by a person', () => {
  it('carries the tab’s language and spells the chosen date out in French', () => {
    renderScreen(<Until initial="2026-03-14" />, { locale: 'fr' });
    const input = screen.getByLabelText('Until');
    expect(input).toHaveAttribute('type', 'date');
    expect(input).toHaveAttribute('lang', 'fr');
    expect(input).toHaveValue('2026-03-14');
    expect(screen.getByText('Soit le samedi 14 mars 2026.')).toBeInTheDocument();
    // The field's own hint is still there.
    expect(screen.getByText('A hint')).toBeInTheDocument();
  });

  it('spells a date and time out in English, and says nothing while the box is empty', () => {
    renderScreen(<Until initial="2026-03-14T09:30" type="datetime-local" />, { locale: 'en' });
    const input = screen.getByLabelText('Until');
    expect(input).toHaveAttribute('type', 'datetime-local');
    expect(input).toHaveAttribute('lang', 'en');
    expect(screen.getByTestId('date-spelled-out')).toHaveTextContent(
      /^That is Saturday, March 14, 2026 at 9:30\sAM\.$/,
    );
  });

  it('shows no spelled-out date for an empty or incomplete value', () => {
    renderScreen(<Until initial="" />, { locale: 'fr' });
    expect(screen.queryByTestId('date-spelled-out')).toBeNull();
    expect(spellOut('2026-03', 'date', 'fr')).toBeNull();
    expect(spellOut('2026-03-14T09:30', 'date', 'fr')).toBe('samedi 14 mars 2026');
    expect(spellOut('2026-03-14T09:30', 'datetime-local', 'fr')).toBe(
      'samedi 14 mars 2026 à 09:30',
    );
  });
});
