import { Checkbox, makeStyles, Subtitle2, Text, tokens, useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useLocale } from '../i18n/I18nProvider';
import { useComponentsT } from './components-i18n';

// The languages most spoken in French and European workplaces; a profile keeps any other it has.
const commonLanguages = [
  'fr',
  'en',
  'es',
  'de',
  'it',
  'pt',
  'nl',
  'ar',
  'zh',
  'ja',
  'pl',
  'ro',
  'tr',
];

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  options: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const capitalise = (name: string, locale: string) =>
  name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);

type LanguagesFieldProps = {
  value: readonly string[];
  onChange: (languages: string[]) => void;
  error?: string;
};

/** The languages someone can hold a session in, named in the user's language. */
export function LanguagesField({ value, onChange, error }: LanguagesFieldProps) {
  const styles = useStyles();
  const ct = useComponentsT();
  const locale = useLocale();
  const legendId = useId('languages');
  const errorId = useId('languages-error');
  const names = useMemo(() => new Intl.DisplayNames([locale], { type: 'language' }), [locale]);
  const shown = [...commonLanguages, ...value.filter((tag) => !commonLanguages.includes(tag))];
  const toggle = (tag: string, on: boolean) =>
    onChange(on ? [...value, tag] : value.filter((other) => other !== tag));
  return (
    <fieldset
      className={styles.fieldset}
      aria-labelledby={legendId}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className={styles.legend}>
        <Subtitle2 id={legendId}>{ct('profile.languages')}</Subtitle2>
      </legend>
      <div className={styles.options}>
        {shown.map((tag) => (
          <Checkbox
            key={tag}
            label={capitalise(names.of(tag) ?? tag, locale)}
            checked={value.includes(tag)}
            onChange={(_, data) => toggle(tag, data.checked === true)}
          />
        ))}
      </div>
      {error && (
        <Text id={errorId} role="alert" className={styles.error}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
