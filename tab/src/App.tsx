import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host } from './host/host';
import { HostProvider } from './host/HostProvider';
import {
  initialBrowserLocale,
  initialThemePreference,
  onSystemThemeChange,
  saveLocale,
  saveThemePreference,
  systemTheme,
  type ThemePreference,
} from './host/preferences';
import type { Locale } from './i18n/catalogue';
import { I18nProvider } from './i18n/I18nProvider';
import { Shell } from './shell/Shell';
import { fluentTheme } from './theme/themes';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

/** The whole tab: host, language and theme around the shell. */
export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const inTeams = host.kind === 'teams';
  const [locale, setLocale] = useState<Locale>(() =>
    inTeams ? host.locale : initialBrowserLocale(),
  );
  const [preference, setPreference] = useState<ThemePreference>(() =>
    inTeams ? host.theme : initialThemePreference(),
  );
  const [deviceTheme, setDeviceTheme] = useState(systemTheme);

  // Inside Teams the theme follows Teams live; outside, "Automatic" follows the device live.
  useEffect(
    () =>
      host.kind === 'teams'
        ? host.onThemeChange(setPreference)
        : onSystemThemeChange(setDeviceTheme),
    [host],
  );

  const theme = preference === 'system' ? deviceTheme : preference;

  const changeLocale = (next: Locale) => {
    setLocale(next);
    saveLocale(next);
  };
  const changeTheme = (next: ThemePreference) => {
    setPreference(next);
    saveThemePreference(next);
  };

  return (
    <HostProvider host={host}>
      <I18nProvider locale={locale}>
        <FluentProvider theme={fluentTheme(theme, inTeams)} className={styles.root}>
          <Shell
            host={host}
            onLocaleChange={changeLocale}
            themePreference={preference}
            onThemePreferenceChange={changeTheme}
          />
        </FluentProvider>
      </I18nProvider>
    </HostProvider>
  );
}
