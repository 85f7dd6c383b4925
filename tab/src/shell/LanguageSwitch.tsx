import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { locales, type Locale } from '../i18n/catalogue';
import { useLocale, useT } from '../i18n/I18nProvider';

// Each language is named in itself, whatever the active language, so anyone can find their own.
const names: Record<Locale, string> = { fr: 'Français', en: 'English' };

const useStyles = makeStyles({
  group: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

/** Français / English, shown outside Teams (inside, Teams decides the language). */
export function LanguageSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const styles = useStyles();
  const t = useT();
  const active = useLocale();
  return (
    <div role="group" aria-label={t('shell.language')} className={styles.group}>
      {locales.map((locale) => (
        <ToggleButton
          key={locale}
          lang={locale}
          size="small"
          appearance={locale === active ? 'primary' : 'subtle'}
          checked={locale === active}
          onClick={() => onChange(locale)}
        >
          {names[locale]}
        </ToggleButton>
      ))}
    </div>
  );
}
