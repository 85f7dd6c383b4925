import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Host } from '../host/host';
import type { ThemePreference } from '../host/preferences';
import type { Locale } from '../i18n/catalogue';
import { useSignedInMe } from '../auth/session-store';
import { useT } from '../i18n/I18nProvider';
import {
  forgetScreen,
  navScreens,
  preloadScreen,
  screenComponent,
  screenForPath,
} from '../screens/registry';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate, usePath } from './router';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { ThemeSwitch } from './ThemeSwitch';

const useStyles = makeStyles({
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  appName: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  // One row that scrolls sideways inside its own region on a narrow tab (a phone, Teams' side
  // panel) instead of wrapping to several rows or widening the page; a label never breaks inside
  // itself. `minWidth: 0` lets the nav shrink to the header's width (it then takes a line of its own).
  nav: {
    minWidth: 0,
    maxWidth: '100%',
    overflowX: 'auto',
    scrollbarWidth: 'thin',
  },
  navList: {
    display: 'flex',
    flexWrap: 'nowrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    // Room for the focus outline inside the scrolling region.
    padding: `${tokens.spacingVerticalXXS} ${tokens.strokeWidthThick}`,
    listStyleType: 'none',
  },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    whiteSpace: 'nowrap',
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  navLinkCurrent: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'underline',
    textDecorationColor: tokens.colorCompoundBrandStroke,
    textDecorationThickness: tokens.strokeWidthThick,
    textUnderlineOffset: '6px',
  },
  settings: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginLeft: 'auto',
  },
  main: {
    maxWidth: '960px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    ':focus': { outlineStyle: 'none' },
  },
});

type ShellProps = {
  host: Host;
  onLocaleChange: (locale: Locale) => void;
  themePreference: ThemePreference;
  onThemePreferenceChange: (preference: ThemePreference) => void;
};

/** Header (name, nav, language and theme outside Teams), skip link, and the current screen. */
export function Shell({
  host,
  onLocaleChange,
  themePreference,
  onThemePreferenceChange,
}: ShellProps) {
  const styles = useStyles();
  const t = useT();
  const screen = screenForPath(usePath());
  // Leads' and managers' links follow who is signed in (`/api/me`, loaded by the screens).
  const links = navScreens(useSignedInMe());
  const Screen = screenComponent(screen);
  const mainRef = useRef<HTMLElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const lastShown = useRef<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.title = t('shell.documentTitle', { screen: t(screen.titleKey) });
  }, [t, screen]);

  // On a narrow tab the nav scrolls sideways: keep the current screen's link in view.
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current) return;
    const left = current.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft || left + current.offsetWidth > nav.scrollLeft + nav.clientWidth) {
      nav.scrollLeft = left - (nav.clientWidth - current.offsetWidth) / 2;
    }
  }, [screen, links.length]);

  const onScreenShown = (screenId: string) => {
    // Keyed by screen so React's development double-run of effects does not count twice.
    if (lastShown.current === screenId) return;
    const first = lastShown.current === null;
    lastShown.current = screenId;
    if (first) {
      if (host.kind === 'teams') host.notifySuccess();
      return;
    }
    // After a navigation, move focus to the new content so keyboard and screen-reader users start there.
    mainRef.current?.focus();
  };

  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(path);
  };

  return (
    <>
      <a href="#main" className={styles.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <header className={styles.header}>
        <span className={styles.appName}>{t('app.name')}</span>
        <nav ref={navRef} aria-label={t('shell.navLabel')} className={styles.nav}>
          <ul className={styles.navList}>
            {links.map((entry) => {
              const current = entry.id === screen.id;
              return (
                <li key={entry.id}>
                  <a
                    href={entry.path}
                    aria-current={current ? 'page' : undefined}
                    className={
                      current ? `${styles.navLink} ${styles.navLinkCurrent}` : styles.navLink
                    }
                    onClick={(event) => follow(event, entry.path)}
                    // Start the download as soon as the user shows interest in a screen.
                    onPointerEnter={() => void preloadScreen(entry).catch(() => undefined)}
                    onFocus={() => void preloadScreen(entry).catch(() => undefined)}
                  >
                    {t(entry.navKey)}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        {host.kind === 'browser' && (
          <div className={styles.settings}>
            <LanguageSwitch onChange={onLocaleChange} />
            <ThemeSwitch value={themePreference} onChange={onThemePreferenceChange} />
          </div>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <ScreenErrorBoundary
          key={`${screen.id}:${attempt}`}
          onRetry={() => {
            forgetScreen(screen);
            setAttempt((n) => n + 1);
          }}
          // The shell is up and offers a retry: Teams may stop its loading indicator.
          onFailureShown={() => onScreenShown(`${screen.id}:failed`)}
        >
          <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
            <Screen />
            <ScreenShown onShown={onScreenShown} screenId={screen.id} />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
    </>
  );
}

/** Rendered after the screen inside the same Suspense boundary: its effect runs once the screen is on screen. */
function ScreenShown({
  onShown,
  screenId,
}: {
  onShown: (screenId: string) => void;
  screenId: string;
}) {
  const latest = useRef(onShown);
  latest.current = onShown;
  useEffect(() => {
    latest.current(screenId);
  }, [screenId]);
  return null;
}
