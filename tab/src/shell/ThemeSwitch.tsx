import { makeStyles, Select, tokens, useId } from '@fluentui/react-components';
import type { ThemePreference } from '../host/preferences';
import { useT } from '../i18n/I18nProvider';

const preferences: readonly ThemePreference[] = ['system', 'light', 'dark', 'contrast'];

const useStyles = makeStyles({
  field: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Automatic / light / dark / high contrast, shown outside Teams (inside, Teams decides the theme). */
export function ThemeSwitch({
  value,
  onChange,
}: {
  value: ThemePreference;
  onChange: (preference: ThemePreference) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const id = useId('theme');
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {t('shell.theme')}
      </label>
      <Select
        id={id}
        size="small"
        value={value}
        onChange={(_, data) => onChange(data.value as ThemePreference)}
      >
        {preferences.map((preference) => (
          <option key={preference} value={preference}>
            {t(`shell.theme.${preference}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
