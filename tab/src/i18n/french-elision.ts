import { createTranslateFor, type Message, type TranslateFor } from './catalogue';

// The tab's French goes through the product's one helper (src/domain/french.ts): every catalogue
// built with createTranslateFor('fr', …) elides « que » / « de » before the values that need it.
export {
  byGender,
  deFr,
  elideBeforePlaceholders,
  elidesBefore,
  queFr,
  type FrenchGender,
} from '../../../src/domain/french';

/** The French `t` of a catalogue (the same as `createTranslateFor('fr', catalogue)`). */
export function createFrenchTranslateFor<R>(catalogue: {
  [K in keyof R]: Message;
}): TranslateFor<R> {
  return createTranslateFor<R>('fr', catalogue);
}
