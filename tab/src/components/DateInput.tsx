import { Caption1, Input, makeStyles, tokens, type InputProps } from '@fluentui/react-components';
import { useLocale } from '../i18n/I18nProvider';
import { useComponentsT } from './components-i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  echo: { color: tokens.colorNeutralForeground2 },
});

/**
 * A date (or date and time) typed by a person, inside a Fluent `Field` like any `Input`.
 *
 * Who decides the order of day, month and year in the box: the browser, not the app. A native
 * `<input type="date">` shows the browser's own language (Chromium: its UI language, the OS
 * locale or `--lang`), whatever the page's or the input's `lang` says; checked in headless
 * Chromium 156, where a French context (Playwright `locale: 'fr-FR'`, `--lang=fr-FR`, `lang="fr"`
 * on the page and the input) still shows mm/dd/yyyy. A French Teams or Edge shows jj/mm/aaaa.
 * Fluent UI v9's DatePicker is not in @fluentui/react-components 9.74 (it ships separately, as
 * @fluentui/react-datepicker-compat), so the app keeps the native input, which also brings the
 * platform's picker on phones.
 *
 * What the app does control: the input carries the tab's language (`lang`, for browsers and
 * assistive technologies that use it), and the chosen date is repeated below the box, spelled out
 * in the tab's language ("Soit le samedi 14 mars 2026."), so a day/month mix-up shows at once
 * whatever order the browser uses.
 */
export function DateInput({
  type = 'date',
  value,
  ...props
}: Omit<InputProps, 'type' | 'value'> & { type?: 'date' | 'datetime-local'; value: string }) {
  const styles = useStyles();
  const locale = useLocale();
  const ct = useComponentsT();
  const spelled = spellOut(value, type, locale);
  return (
    <span className={styles.root}>
      <Input {...props} type={type} value={value} lang={locale} />
      {spelled && (
        <Caption1 className={styles.echo} data-testid="date-spelled-out">
          {ct('dateInput.spelledOut', { date: spelled })}
        </Caption1>
      )}
    </span>
  );
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * An input's value ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', a wall-clock date and time) in words in
 * `locale`, e.g. 'samedi 14 mars 2026 à 09:30'; null while the value is empty or incomplete.
 */
export function spellOut(
  value: string,
  type: 'date' | 'datetime-local',
  locale: string,
): string | null {
  const parts = DATE.exec(value);
  if (!parts) return null;
  const [, year, month, day, hour = '0', minute = '0'] = parts;
  const wallClock = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)),
  );
  if (Number.isNaN(wallClock.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    ...(type === 'datetime-local' ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(wallClock);
}
