import { Combobox, Option, type ComboboxProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useComponentsT } from './components-i18n';

const MAX_OPTIONS = 40;

let cachedZones: string[] | undefined;

/** Every IANA zone this browser knows, e.g. `Europe/Paris`; UTC first. */
export function allTimeZones(): string[] {
  if (!cachedZones) {
    const supported =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    cachedZones = ['UTC', ...supported.filter((zone) => zone !== 'UTC')];
  }
  return cachedZones;
}

/** The browser's own zone, e.g. `Europe/Paris`. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const readable = (zone: string) => zone.replace(/_/g, ' ');
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_/]/g, ' ');

/** Zones whose name contains every word typed ("paris", "new york", "america/tor"). */
export function filterTimeZones(query: string, zones: readonly string[] = allTimeZones()) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return zones.slice(0, MAX_OPTIONS);
  return zones
    .filter((zone) => words.every((word) => fold(zone).includes(word)))
    .slice(0, MAX_OPTIONS);
}

type TimeZonePickerProps = Omit<ComboboxProps, 'value' | 'onChange' | 'onOptionSelect'> & {
  value: string;
  onChange: (zone: string) => void;
};

/** A searchable list of IANA time zones: type a city or region, then pick. */
export function TimeZonePicker({ value, onChange, ...rest }: TimeZonePickerProps) {
  const ct = useComponentsT();
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => filterTimeZones(query ?? ''), [query]);
  return (
    <Combobox
      {...rest}
      freeform
      value={query ?? readable(value)}
      selectedOptions={[value]}
      onChange={(event) => setQuery(event.target.value)}
      // Leaving the field with a half-typed search shows the chosen zone again.
      onBlur={() => setQuery(null)}
      onOptionSelect={(_, data) => {
        // Typing clears the selection (no option value): keep the search text then.
        if (!data.optionValue) return;
        onChange(data.optionValue);
        setQuery(null);
      }}
    >
      {options.map((zone) => (
        <Option key={zone} value={zone} text={readable(zone)}>
          {readable(zone)}
        </Option>
      ))}
      {options.length === 0 && (
        <Option key="none" value="" text="" disabled>
          {ct('timeZone.none')}
        </Option>
      )}
    </Combobox>
  );
}
