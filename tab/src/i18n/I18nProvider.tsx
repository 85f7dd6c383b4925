import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createTranslate, type Catalogue, type Locale, type Translate } from './catalogue';
import { en } from './en';
import { fr } from './fr';

const catalogues: Record<Locale, Catalogue> = { en, fr };

type I18nValue = { locale: Locale; t: Translate };

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the active language to the tree and keeps `<html lang>` in step with it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(
    () => ({ locale, t: createTranslate(locale, catalogues[locale]) }),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() and useLocale() need an <I18nProvider> above them');
  return value;
}

/** The translate function of the active language: `t('home.title')`, `t('home.greeting', { name })`. */
export function useT(): Translate {
  return useI18n().t;
}

/** The active language (`fr` or `en`). */
export function useLocale(): Locale {
  return useI18n().locale;
}
