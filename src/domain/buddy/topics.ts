import type { LocalizedText } from '../common';

/** A catalogue skill as quick help sees it: an id and its fr/en names. */
export type BuddySkill = { readonly id: string; readonly label: LocalizedText };

/**
 * The digital skills quick help knows in every tenant, programme or not (the demo programme's
 * digital catalogue). A tenant's programmes add theirs (src/services/buddy, `catalogueOf`).
 */
export const defaultDigitalSkills: readonly BuddySkill[] = [
  { id: 'teams', label: { fr: 'Microsoft Teams', en: 'Microsoft Teams' } },
  { id: 'copilot', label: { fr: 'Copilot et IA générative', en: 'Copilot and generative AI' } },
  { id: 'power-bi', label: { fr: 'Power BI', en: 'Power BI' } },
  {
    id: 'linkedin',
    label: { fr: 'LinkedIn et marque personnelle', en: 'LinkedIn and personal branding' },
  },
  { id: 'cyber-hygiene', label: { fr: 'Hygiène cyber', en: 'Cyber hygiene' } },
  { id: 'excel-advanced', label: { fr: 'Excel avancé', en: 'Advanced Excel' } },
  { id: 'social-media', label: { fr: 'Réseaux sociaux', en: 'Social media' } },
];

/**
 * Common words for catalogue skills, normalised (no accents, lower case). A synonym applies only
 * when the tenant's catalogue has the skill it points to.
 */
const synonyms: Readonly<Record<string, string>> = {
  teams: 'teams',
  'ms teams': 'teams',
  'microsoft teams': 'teams',
  visio: 'teams',
  visioconference: 'teams',
  'reunion teams': 'teams',
  excel: 'excel-advanced',
  xls: 'excel-advanced',
  xlsx: 'excel-advanced',
  tableur: 'excel-advanced',
  spreadsheet: 'excel-advanced',
  'tableau croise dynamique': 'excel-advanced',
  'pivot table': 'excel-advanced',
  'power bi': 'power-bi',
  powerbi: 'power-bi',
  pbi: 'power-bi',
  dashboard: 'power-bi',
  copilot: 'copilot',
  copilote: 'copilot',
  ia: 'copilot',
  ai: 'copilot',
  chatgpt: 'copilot',
  'intelligence artificielle': 'copilot',
  'generative ai': 'copilot',
  linkedin: 'linkedin',
  cyber: 'cyber-hygiene',
  cybersecurite: 'cyber-hygiene',
  cybersecurity: 'cyber-hygiene',
  phishing: 'cyber-hygiene',
  hameconnage: 'cyber-hygiene',
  'mot de passe': 'cyber-hygiene',
  password: 'cyber-hygiene',
  mfa: 'cyber-hygiene',
  instagram: 'social-media',
  facebook: 'social-media',
  tiktok: 'social-media',
  'reseaux sociaux': 'social-media',
  'social networks': 'social-media',
};

/** Lower case, no accents, punctuation as spaces: "Réseaux  sociaux !" → "reseaux sociaux". */
export function normaliseTopic(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

/** What a typed topic means: a catalogue skill, or free text asked of "anything digital" buddies. */
export type TopicMatch =
  | { readonly kind: 'skill'; readonly skillId: string; readonly label: LocalizedText }
  | { readonly kind: 'unknown'; readonly key: string; readonly text: string };

const words = (s: string) => s.split(' ').filter((w) => w.length > 0);

/**
 * Matches free text to the catalogue, accent- and case-insensitive, in French or English:
 * the skill's id or name, a common synonym ("xls" → Excel), or every word of the text found in
 * one skill's name ("excel" → "Advanced Excel"). Anything else is an unknown topic.
 */
export function matchTopic(text: string, catalogue: readonly BuddySkill[]): TopicMatch {
  const key = normaliseTopic(text);
  const skill = (s: BuddySkill): TopicMatch => ({ kind: 'skill', skillId: s.id, label: s.label });
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  for (const s of catalogue) {
    const names = [s.id.replace(/-/g, ' '), normaliseTopic(s.label.fr), normaliseTopic(s.label.en)];
    if (names.includes(key)) return skill(s);
  }
  const synonym = synonyms[key];
  if (synonym && byId.has(synonym)) return skill(byId.get(synonym)!);
  const typed = words(key);
  if (typed.length > 0) {
    // "excel" is a word of "Advanced Excel"; "power bi" of "Power BI".
    const containing = catalogue.filter((s) =>
      [s.label.fr, s.label.en].some((name) => {
        const nameWords = words(normaliseTopic(name));
        return typed.every((w) => nameWords.includes(w));
      }),
    );
    if (containing.length === 1) return skill(containing[0]!);
    // A longer sentence that names a synonym: "formules excel", "mot de passe oublié".
    for (let n = Math.min(3, typed.length); n >= 1; n--) {
      for (let i = 0; i + n <= typed.length; i++) {
        const id = synonyms[typed.slice(i, i + n).join(' ')];
        if (id && byId.has(id)) return skill(byId.get(id)!);
      }
    }
  }
  return { kind: 'unknown', key, text: text.trim() };
}
