import { deFr, queFr } from '../french';
import type { PreparedCohort, PreparedPerson } from './cohort';
import type { WeekDay } from './input';
import type { PairEvaluation, ViolationCode } from './pair-evaluation';
import { localDaysOf } from './week-time';

/** One reason, with its stable code and its text in both languages of the product. */
export type Reason = { code: string; en: string; fr: string };

const dayNames: Record<WeekDay, { en: string; fr: string }> = {
  mon: { en: 'Monday', fr: 'lundi' },
  tue: { en: 'Tuesday', fr: 'mardi' },
  wed: { en: 'Wednesday', fr: 'mercredi' },
  thu: { en: 'Thursday', fr: 'jeudi' },
  fri: { en: 'Friday', fr: 'vendredi' },
  sat: { en: 'Saturday', fr: 'samedi' },
  sun: { en: 'Sunday', fr: 'dimanche' },
};

const languageNames: Record<string, { en: string; fr: string }> = {
  en: { en: 'English', fr: 'anglais' },
  fr: { en: 'French', fr: 'français' },
  de: { en: 'German', fr: 'allemand' },
  es: { en: 'Spanish', fr: 'espagnol' },
  it: { en: 'Italian', fr: 'italien' },
  pt: { en: 'Portuguese', fr: 'portugais' },
  nl: { en: 'Dutch', fr: 'néerlandais' },
  pl: { en: 'Polish', fr: 'polonais' },
  ar: { en: 'Arabic', fr: 'arabe' },
  zh: { en: 'Chinese', fr: 'chinois' },
  ja: { en: 'Japanese', fr: 'japonais' },
  hi: { en: 'Hindi', fr: 'hindi' },
};

function languageName(code: string): { en: string; fr: string } {
  return languageNames[code.split('-')[0]!] ?? { en: code, fr: code };
}

function skillName(cohort: PreparedCohort, skill: string): string {
  return cohort.skillNames[skill] ?? skillNameInsensitive(cohort, skill) ?? skill;
}

function skillNameInsensitive(cohort: PreparedCohort, skill: string): string | undefined {
  for (const [key, name] of Object.entries(cohort.skillNames)) {
    if (key.toLowerCase() === skill) return name;
  }
  return undefined;
}

/**
 * A template's text as one flat string. A template literal is built piece by piece, and V8 keeps
 * the pieces as a chain of string nodes: about twice the memory of the text itself. Joining the
 * parts allocates the text once. Reasons are most of a large run's output (about 280,000 of them at
 * 50,000 per side): this halves their weight.
 */
function flat(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]!];
  for (let k = 0; k < values.length; k++) parts.push(values[k]!, strings[k + 1]!);
  return parts.join('');
}

const sharedTexts = new WeakMap<PreparedCohort, Map<string, string>>();

/**
 * One copy per cohort of a text many pairs repeat word for word (a language, two departments, an
 * overlap): the pairs' reasons point to it instead of each holding its own.
 */
function shared(cohort: PreparedCohort, text: string): string {
  let texts = sharedTexts.get(cohort);
  if (texts === undefined) {
    texts = new Map();
    sharedTexts.set(cohort, texts);
  }
  const known = texts.get(text);
  if (known !== undefined) return known;
  texts.set(text, text);
  return text;
}

function list(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** "2 h", "1 h 30", "45 min": the same in English and French. */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** Why this mentor and this mentee fit, strongest reason first. */
export function pairReasons(
  cohort: PreparedCohort,
  mentor: PreparedPerson,
  mentee: PreparedPerson,
  evaluation: PairEvaluation,
  pinned = false,
): Reason[] {
  const reasons: Reason[] = [];
  const d = evaluation.detail;
  if (pinned) {
    reasons.push({
      code: 'pinned',
      en: 'Paired by the programme lead',
      fr: 'Binôme fixé par le responsable du programme',
    });
  }
  const best = d.teachMatches[0];
  if (best) {
    const skill = skillName(cohort, best.skill);
    reasons.push({
      code: 'teaches',
      en: flat`${mentor.name} teaches ${skill} (${best.teachLevel}/5), which ${mentee.name} wants to learn`,
      fr: flat`${mentor.name} enseigne ${skill} (${best.teachLevel}/5), ${queFr(mentee.name)} veut apprendre`,
    });
    const others = d.teachMatches
      .slice(1)
      .map((m) => `${skillName(cohort, m.skill)} (${m.teachLevel}/5)`);
    if (others.length > 0) {
      reasons.push({
        code: 'teaches_more',
        en: flat`${mentor.name} can also teach ${list(others, 'and')}`,
        fr: flat`${mentor.name} peut aussi enseigner ${list(others, 'et')}`,
      });
    }
  }
  const back = d.reciprocalMatches[0];
  if (back) {
    const skill = skillName(cohort, back.skill);
    reasons.push({
      code: 'reciprocity',
      en: flat`In return, ${mentee.name} shares ${skill} (${back.teachLevel}/5), which ${mentor.name} wants to learn`,
      fr: flat`En retour, ${mentee.name} partage ${skill} (${back.teachLevel}/5), ${queFr(mentor.name)} veut apprendre`,
    });
  }
  if (d.overlapMinutes > 0) {
    const tz = mentor.participant.timeZone;
    const days = localDaysOf(d.overlap, tz, cohort.referenceWeek);
    const sameZone = tz === mentee.participant.timeZone;
    const en = list(
      days.map((day) => dayNames[day].en),
      'and',
    );
    const fr = list(
      days.map((day) => `le ${dayNames[day].fr}`),
      'et',
    );
    reasons.push({
      code: 'availability',
      en: shared(
        cohort,
        flat`${duration(d.overlapMinutes)} overlap a week on ${en}${sameZone ? '' : ` (${mentor.name}'s time)`}`,
      ),
      fr: shared(
        cohort,
        flat`${duration(d.overlapMinutes)} de disponibilité commune par semaine ${fr}${sameZone ? '' : ` (heure ${deFr(mentor.name)})`}`,
      ),
    });
  }
  const language = d.commonLanguages[0];
  if (language) {
    const name = languageName(language);
    reasons.push({
      code: 'language',
      en: shared(cohort, flat`Both speak ${name.en}`),
      fr: shared(cohort, flat`Tous deux parlent ${name.fr}`),
    });
  }
  if (
    mentor.departmentId >= 0 &&
    mentee.departmentId >= 0 &&
    mentor.departmentId !== mentee.departmentId
  ) {
    const a = cohort.departments[mentor.departmentId]!;
    const b = cohort.departments[mentee.departmentId]!;
    reasons.push({
      code: 'diversity',
      en: shared(cohort, flat`Different departments: ${a} and ${b}`),
      fr: shared(cohort, flat`Départements différents : ${a} et ${b}`),
    });
  }
  const gap = mentee.seniority - mentor.seniority;
  if (gap >= 1) {
    const years = Math.round(gap);
    reasons.push({
      code: 'seniority',
      en: flat`${mentee.name} has ${years} more year${years > 1 ? 's' : ''} of experience than ${mentor.name}`,
      fr: flat`${mentee.name} a ${years} an${years > 1 ? 's' : ''} d'expérience de plus ${queFr(mentor.name)}`,
    });
  }
  return reasons;
}

/** The facts the engine gathers about a person left unmatched, in the role they were tried in. */
export type UnmatchedFacts = {
  side: 'mentor' | 'mentee';
  /** Their skills nobody on the other side offers (mentee) or wants (mentor). */
  unservedSkills: string[];
  /** Number of people on the other side sharing at least one such skill, by first rule broken. */
  blockedBy: Partial<Record<ViolationCode, number>>;
  /** Compatible people on the other side, all taken by better-scoring pairs. */
  compatible: number;
  /** True when the scan stopped counting (large cohorts): `compatible` is a minimum. */
  compatibleAtLeast?: boolean;
  /** Compatible mentors who still had room (only possible for large cohorts' candidate graphs). */
  withRoom?: number;
};

function people(n: number, side: 'mentor' | 'mentee', lang: 'en' | 'fr'): string {
  // "mentor" is the same word in both languages; in French « personne mentorée » says nobody's
  // gender (the directory does not give it), where « mentoré » would say « he ».
  const plural = n > 1 ? 's' : '';
  if (side === 'mentor') return `${n} mentor${plural}`;
  return lang === 'en' ? `${n} mentee${plural}` : `${n} personne${plural} mentorée${plural}`;
}

/** Why a person ended without a partner, from the facts the engine gathered. */
export function unmatchedReasons(
  cohort: PreparedCohort,
  person: PreparedPerson,
  facts: UnmatchedFacts[],
): Reason[] {
  const p = person.participant;
  if (!p.optedIn) {
    return [
      {
        code: 'not_opted_in',
        en: 'Has not opted in to the programme',
        fr: "N'a pas rejoint le programme",
      },
    ];
  }
  if (p.paused) {
    return [{ code: 'paused', en: 'Participation is paused', fr: 'Participation en pause' }];
  }
  const reasons: Reason[] = [];
  const prefixed = facts.length > 1;
  for (const f of facts) {
    const other = f.side === 'mentee' ? 'mentor' : 'mentee';
    const before = prefixed
      ? f.side === 'mentee'
        ? { en: 'As a mentee: ', fr: 'En tant que personne mentorée : ' }
        : { en: 'As a mentor: ', fr: 'En tant que mentor : ' }
      : { en: '', fr: '' };
    // After "As a mentee: " the sentence goes on in lower case.
    const cont = (text: string) => (prefixed ? text.charAt(0).toLowerCase() + text.slice(1) : text);
    const push = (code: string, en: string, fr: string) =>
      reasons.push({ code, en: flat`${before.en}${cont(en)}`, fr: flat`${before.fr}${cont(fr)}` });
    const own = f.side === 'mentee' ? cohort.learns : cohort.teaches;
    if (own.start[person.index + 1] === own.start[person.index]) {
      if (f.side === 'mentee')
        push(
          'nothing_to_learn',
          'Lists no skill to learn',
          "N'indique aucune compétence à apprendre",
        );
      else
        push(
          'nothing_to_teach',
          'Lists no skill to teach',
          "N'indique aucune compétence à enseigner",
        );
      continue;
    }
    for (const skill of f.unservedSkills) {
      const name = skillName(cohort, skill);
      if (f.side === 'mentee')
        push('nobody_teaches', `Nobody teaches ${name}`, `Personne n'enseigne ${name}`);
      else
        push(
          'nobody_learns',
          `Nobody wants to learn ${name}`,
          `Personne ne veut apprendre ${name}`,
        );
    }
    const b = f.blockedBy;
    const count = (code: ViolationCode) => b[code] ?? 0;
    if (count('inactive') > 0) {
      const n = count('inactive');
      push(
        'partners_inactive',
        `${people(n, other, 'en')} with matching skills ${n > 1 ? 'are' : 'is'} paused or not opted in`,
        `${people(n, other, 'fr')} avec les bonnes compétences ${n > 1 ? 'sont' : 'est'} en pause ou hors programme`,
      );
    }
    if (count('no_common_language') > 0) {
      const n = count('no_common_language');
      push(
        'no_common_language',
        `No common language with ${people(n, other, 'en')} who ${n > 1 ? 'match' : 'matches'} on skills`,
        `Aucune langue commune avec ${people(n, other, 'fr')} qui correspond${n > 1 ? 'ent' : ''} par les compétences`,
      );
    }
    if (count('no_overlap') > 0) {
      const n = count('no_overlap');
      push(
        'no_overlap',
        `No overlapping availability of ${duration(cohort.sessionMinutes)} a week with ${people(n, other, 'en')} who ${n > 1 ? 'match' : 'matches'} on skills and language`,
        `Pas de disponibilité commune de ${duration(cohort.sessionMinutes)} par semaine avec ${people(n, other, 'fr')} qui correspond${n > 1 ? 'ent' : ''} par les compétences et la langue`,
      );
    }
    if (count('same_reporting_line') > 0) {
      const n = count('same_reporting_line');
      push(
        'same_reporting_line',
        `In the same reporting line as ${people(n, other, 'en')} otherwise compatible`,
        `Dans la même ligne hiérarchique que ${people(n, other, 'fr')} par ailleurs compatible${n > 1 ? 's' : ''}`,
      );
    }
    if (count('previous_partners') > 0) {
      const n = count('previous_partners');
      push(
        'previous_partners',
        `Already paired before with ${people(n, other, 'en')} otherwise compatible`,
        `Déjà en binôme auparavant avec ${people(n, other, 'fr')} par ailleurs compatible${n > 1 ? 's' : ''}`,
      );
    }
    if (count('blocked') > 0) {
      const n = count('blocked');
      push(
        'blocked',
        `The lead blocked pairing with ${people(n, other, 'en')} otherwise compatible`,
        `Le responsable a exclu le binôme avec ${people(n, other, 'fr')} par ailleurs compatible${n > 1 ? 's' : ''}`,
      );
    }
    if (f.compatible > 0) {
      const n = f.compatible;
      const many = n > 1 || f.compatibleAtLeast === true;
      const count = f.compatibleAtLeast ? `${n}+` : String(n);
      const who = (lang: 'en' | 'fr') =>
        `${count} ${f.side === 'mentee' ? 'mentor' : lang === 'en' ? 'mentee' : 'mentoré'}${many ? 's' : ''}`;
      if (f.side === 'mentee') {
        push(
          'capacity_exhausted',
          many
            ? `All ${who('en')} compatible are at capacity with better-scoring pairs`
            : 'The one compatible mentor is at capacity with better-scoring pairs',
          many
            ? `Les ${who('fr')} compatibles sont complets, avec des binômes mieux notés`
            : 'Le seul mentor compatible est complet, avec des binômes mieux notés',
        );
      } else {
        push(
          'partners_taken',
          many
            ? `All ${who('en')} compatible are paired with mentors who suit them better`
            : 'The one compatible mentee is paired with a mentor who suits them better',
          many
            ? `Les ${who('fr')} compatibles sont en binôme avec des mentors qui leur conviennent mieux`
            : 'Le seul mentoré compatible est en binôme avec un mentor qui lui convient mieux',
        );
      }
    }
    if ((f.withRoom ?? 0) > 0) {
      const n = f.withRoom!;
      push(
        'not_in_candidates',
        `${people(n, 'mentor', 'en')} compatible still had room but ${n > 1 ? 'were' : 'was'} not among the candidates weighed for this large cohort`,
        `${people(n, 'mentor', 'fr')} compatible${n > 1 ? 's avaient' : ' avait'} encore de la place mais ne figurai${n > 1 ? 'ent' : 't'} pas parmi les candidats retenus pour cette grande cohorte`,
      );
    }
  }
  if (reasons.length === 0) {
    // Defensive: the engine always gathers facts; say so rather than return nothing.
    reasons.push({
      code: 'no_partner',
      en: 'No compatible partner in this cohort',
      fr: 'Aucun partenaire compatible dans cette cohorte',
    });
  }
  return reasons;
}
