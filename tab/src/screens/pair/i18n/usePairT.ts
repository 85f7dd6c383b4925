import type { CatalogueFor, TranslateFor } from '../../../i18n/catalogue';
import { screenCatalogue } from '../../../i18n/screen-catalogue';
import { pairEn } from './pair-en';
import { pairFr } from './pair-fr';

// The pair screens' strings live beside them, not in the shell's catalogue: ~250 messages per
// language that only these lazy screens need stay out of the tab's initial download.

/** What French must provide: every key of `pair-en.ts`, plural forms where English has them. */
export type PairCatalogue = CatalogueFor<typeof pairEn>;

/** The pair screens' translate function: `t('pair.x')`, `t('pair.x', { name })`. */
export type PairTranslate = TranslateFor<typeof pairEn>;

export const {
  /** The pair screens' translate function in the active language. */
  useScreenT: usePairT,
  /** The translate function of one language (tests). */
  translate: pairTranslate,
} = screenCatalogue(pairEn, pairFr);
