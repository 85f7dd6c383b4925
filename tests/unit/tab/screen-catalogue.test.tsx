import { render, screen } from '@testing-library/react';
import type { CatalogueFor } from '../../../tab/src/i18n/catalogue';
import { I18nProvider } from '../../../tab/src/i18n/I18nProvider';
import { screenCatalogue } from '../../../tab/src/i18n/screen-catalogue';

const en = {
  'demo.title': 'Sessions with {name}',
  'demo.count': { zero: 'No session yet', one: '{count} session', other: '{count} sessions' },
} as const;
const fr: CatalogueFor<typeof en> = {
  'demo.title': 'Séances avec {name}',
  'demo.count': { one: '{count} séance', other: '{count} séances' },
};
const { translate, useScreenT } = screenCatalogue(en, fr);

function Demo({ sessions }: { sessions: number }) {
  const t = useScreenT();
  return (
    <>
      <h1>{t('demo.title', { name: 'Léa' })}</h1>
      <p>{t('demo.count', { count: sessions })}</p>
    </>
  );
}

describe('a screen catalogue', () => {
  it('translates in the active language, with placeholders and plurals', () => {
    const { rerender } = render(
      <I18nProvider locale="fr">
        <Demo sessions={3} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Séances avec Léa' })).toBeInTheDocument();
    expect(screen.getByText('3 séances')).toBeInTheDocument();

    rerender(
      <I18nProvider locale="en">
        <Demo sessions={0} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Sessions with Léa' })).toBeInTheDocument();
    expect(screen.getByText('No session yet')).toBeInTheDocument();
  });

  it('is checked by the compiler like the shell catalogue', () => {
    // @ts-expect-error French must have every English key.
    const incomplete: CatalogueFor<typeof en> = { 'demo.title': 'Séances avec {name}' };
    const t = translate('en');
    // @ts-expect-error the message needs { name }.
    const missing = () => t('demo.title');
    // @ts-expect-error no such key.
    const unknown = () => t('demo.nope');
    expect([incomplete, missing, unknown]).toHaveLength(3);
    expect(t('demo.count', { count: 1 })).toBe('1 session');
  });
});
