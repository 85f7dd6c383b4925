import type { GuardedNumber, ReportResponse } from '../../contracts/health';
import type { Locale } from '../../domain/common';

/**
 * The bilan as CSV that opens cleanly in Excel: UTF-8 with a byte-order mark, `;` between cells
 * in French (Excel's separator where the decimal mark is a comma) and `,` in English, CRLF line
 * ends, every cell quoted when needed, and cells starting with `= + - @` (or a tab or carriage
 * return) neutralised with a leading apostrophe so a spreadsheet never runs them as formulas.
 */
export function reportCsv(report: ReportResponse, locale: Locale): string {
  const t = labels[locale];
  const separator = locale === 'fr' ? ';' : ',';
  const number = (n: number) => (locale === 'fr' ? String(n).replace('.', ',') : String(n));
  // A hidden figure may be about fewer than 5 people, or a larger one hidden so that such a
  // figure cannot be worked out by subtraction: "hidden", never "fewer than 5".
  const count = (g: GuardedNumber) => (typeof g === 'number' ? number(g) : t.hidden);
  const guarded = (g: GuardedNumber | null) => (g === null ? '–' : count(g));
  const rows: string[][] = [[t.section, t.indicator, t.value]];
  const add = (section: string, indicator: string, value: string) =>
    rows.push([section, indicator, value]);

  add(t.programme, t.name, report.programme.name);
  add(t.programme, t.dates, `${report.programme.startDate} – ${report.programme.endDate}`);
  // "2026-12-05 14:52 UTC": Excel reads the date and time, not an ISO instant with milliseconds.
  add(t.programme, t.generatedAt, `${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`);
  add(t.programme, t.privacy, t.privacyNote);

  add(t.participation, t.participants, count(report.participants.total));
  add(t.participation, t.inPairs, count(report.participants.inPairs));
  for (const [role, n] of Object.entries(report.participants.byRole)) {
    add(t.participation, `${t.role}${t.colon}${t.roles[role as keyof typeof t.roles]}`, count(n));
  }
  for (const [state, n] of Object.entries(report.participants.byState)) {
    add(t.participation, `${t.state}${t.colon}${t.optIn[state as keyof typeof t.optIn]}`, count(n));
  }
  add(t.pairsSection, t.pairsTotal, number(report.pairs.total));
  for (const [state, n] of Object.entries(report.pairs.byState)) {
    add(
      t.pairsSection,
      `${t.state}${t.colon}${t.pairStates[state as keyof typeof t.pairStates]}`,
      number(n),
    );
  }
  add(t.pairsSection, t.endedEarly, number(report.pairs.endedEarly));

  const s = report.sessions;
  add(t.sessions, t.planned, number(s.planned));
  add(t.sessions, t.held, number(s.held));
  add(t.sessions, t.missed, number(s.missed));
  add(t.sessions, t.cancelled, number(s.cancelled));
  add(t.sessions, t.hoursHeld, number(Math.round((s.minutesHeld / 60) * 10) / 10));
  add(t.sessions, t.medianDaysToFirst, guarded(report.timeToFirstSession.medianDays));
  for (const w of s.byWeek) {
    if (w.planned === 0) continue;
    add(t.sessionsByWeek, `${t.weekOf} ${w.weekStart}`, `${number(w.held)} / ${number(w.planned)}`);
  }

  for (const [key, label] of [
    ['menteesAboutMentors', t.menteesAboutMentors],
    ['mentorsAboutMentees', t.mentorsAboutMentees],
  ] as const) {
    const d = report.satisfaction[key];
    if (d.suppressed) {
      add(t.satisfaction, label, t.hidden);
      continue;
    }
    add(t.satisfaction, `${label}${t.colon}${t.averageRating}`, number(d.averageRating));
    add(t.satisfaction, `${label}${t.colon}${t.raters}`, number(d.raters));
    add(t.satisfaction, `${label}${t.colon}${t.goodFit}`, count(d.fit.good));
  }
  if (report.satisfaction.responseRate !== null) {
    add(
      t.satisfaction,
      t.responseRate,
      `${number(Math.round(report.satisfaction.responseRate * 100))} %`,
    );
  }

  for (const skill of report.skills.bySkill) {
    const name = skill.label[locale];
    if (skill.progress.suppressed) add(t.skills, name, t.hidden);
    else if (skill.progress.people > 0) {
      add(
        t.skills,
        name,
        `${number(skill.progress.averageStart)} → ${number(skill.progress.averageEnd)} (${t.people(skill.progress.people)})`,
      );
    }
  }

  add(t.approvals, t.approved, number(report.approvals.approved));
  add(t.approvals, t.declined, number(report.approvals.declined));
  add(t.approvals, t.pending, number(report.approvals.pending));
  add(t.approvals, t.medianDaysToDecide, guarded(report.approvals.medianDaysToDecide));

  const g = report.guide;
  add(
    t.guide,
    t.realNeed,
    `${number(g.realNeed.skillsRequested)} / ${number(g.realNeed.skillsInCatalogue)}`,
  );
  add(t.guide, t.volunteers, count(g.volunteers.volunteered));
  add(t.guide, t.timeFreed, number(Math.round((g.timeFreed.minutesApproved / 60) * 10) / 10));
  add(t.guide, t.timeUsed, number(Math.round((g.timeFreed.memberMinutesHeld / 60) * 10) / 10));
  add(t.guide, t.evaluation, number(g.evaluation.feedbackCount));

  for (const c of report.sharedComments) {
    const direction =
      c.direction === 'mentee_to_mentor' ? t.menteesAboutMentors : t.mentorsAboutMentees;
    add(
      t.comments,
      `${direction} (${c.month}, ${c.rating}/4)`,
      [c.worked, c.suggestion].filter((x) => x.trim() !== '').join(' — '),
    );
  }

  const body = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator));
  return `\uFEFF${body.join('\r\n')}\r\n`;
}

/** One cell: formula-like starts neutralised, quoted when it holds a separator, quote or line end. */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const labels = {
  fr: {
    colon: ' : ',
    section: 'Rubrique',
    indicator: 'Indicateur',
    value: 'Valeur',
    hidden: 'masqué',
    privacy: 'Confidentialité',
    privacyNote:
      'masqué : chiffre portant sur moins de 5 personnes, ou chiffre plus grand masqué pour qu’un tel chiffre ne s’en déduise pas par soustraction',
    programme: 'Programme',
    name: 'Nom',
    dates: 'Dates',
    generatedAt: 'Chiffres calculés le',
    participation: 'Participation',
    participants: 'Participants',
    inPairs: 'En binôme',
    role: 'Rôle souhaité',
    roles: { mentor: 'mentor', mentee: 'personne mentorée', both: 'les deux' },
    state: 'État',
    optIn: {
      not_joined: 'invité, pas encore inscrit',
      opted_in: 'inscrit',
      paused: 'en pause',
      left: 'parti',
    },
    pairsSection: 'Binômes',
    pairsTotal: 'Binômes formés',
    pairStates: {
      proposed: 'proposé',
      accepted: 'accepté',
      awaiting_approval: 'en attente d’accord',
      active: 'actif',
      paused: 'en pause',
      completed: 'terminé',
      ended: 'arrêté',
    },
    endedEarly: 'Arrêtés avant la fin',
    sessions: 'Séances',
    planned: 'Prévues',
    held: 'Tenues',
    missed: 'Manquées',
    cancelled: 'Annulées',
    hoursHeld: 'Heures de séances tenues',
    medianDaysToFirst: 'Jours entre la formation du binôme et la première séance (médiane)',
    sessionsByWeek: 'Séances tenues / prévues par semaine',
    weekOf: 'Semaine du',
    satisfaction: 'Satisfaction',
    menteesAboutMentors: 'Avis des personnes mentorées sur leur mentor',
    mentorsAboutMentees: 'Avis des mentors sur leur binôme',
    averageRating: 'note moyenne (sur 4)',
    raters: 'personnes ayant répondu',
    goodFit: 'binôme jugé adapté',
    responseRate: 'Taux de réponse aux avis',
    skills: 'Progrès par compétence (début → fin, sur 5)',
    people: (n: number) => `${n} personnes`,
    approvals: 'Accords des managers',
    approved: 'Approuvés',
    declined: 'Refusés',
    pending: 'En attente',
    medianDaysToDecide: 'Jours pour décider (médiane)',
    guide: 'Questions clés',
    realNeed: 'Un vrai besoin ? Compétences demandées / au catalogue',
    volunteers: 'Des volontaires ? Personnes inscrites',
    timeFreed: 'Du temps libéré ? Heures accordées par les managers',
    timeUsed: 'Du temps libéré ? Heures passées en séance par les deux membres',
    evaluation: 'Une évaluation ? Avis donnés',
    comments: 'Commentaires partagés',
  },
  en: {
    colon: ': ',
    section: 'Section',
    indicator: 'Indicator',
    value: 'Value',
    hidden: 'hidden',
    privacy: 'Privacy',
    privacyNote:
      'hidden: a figure about fewer than 5 people, or a larger one hidden so that such a figure cannot be worked out from it by subtraction',
    programme: 'Programme',
    name: 'Name',
    dates: 'Dates',
    generatedAt: 'Figures computed on',
    participation: 'Participation',
    participants: 'Participants',
    inPairs: 'In a pair',
    role: 'Role wished',
    roles: { mentor: 'mentor', mentee: 'mentee', both: 'both' },
    state: 'State',
    optIn: {
      not_joined: 'invited, not joined',
      opted_in: 'joined',
      paused: 'paused',
      left: 'left',
    },
    pairsSection: 'Pairs',
    pairsTotal: 'Pairs formed',
    pairStates: {
      proposed: 'proposed',
      accepted: 'accepted',
      awaiting_approval: 'awaiting approval',
      active: 'active',
      paused: 'paused',
      completed: 'completed',
      ended: 'ended',
    },
    endedEarly: 'Ended early',
    sessions: 'Sessions',
    planned: 'Planned',
    held: 'Held',
    missed: 'Missed',
    cancelled: 'Cancelled',
    hoursHeld: 'Hours of sessions held',
    medianDaysToFirst: 'Days from pairing to first session (median)',
    sessionsByWeek: 'Sessions held / planned per week',
    weekOf: 'Week of',
    satisfaction: 'Satisfaction',
    menteesAboutMentors: 'Mentees about their mentor',
    mentorsAboutMentees: 'Mentors about their mentee',
    averageRating: 'average rating (out of 4)',
    raters: 'people who answered',
    goodFit: 'pairing found a good fit',
    responseRate: 'Feedback response rate',
    skills: 'Progress per skill (start → end, out of 5)',
    people: (n: number) => `${n} people`,
    approvals: 'Manager approvals',
    approved: 'Approved',
    declined: 'Declined',
    pending: 'Pending',
    medianDaysToDecide: 'Days to decide (median)',
    guide: 'Key questions',
    realNeed: 'A real need? Skills requested / in the catalogue',
    volunteers: 'Volunteers? People who joined',
    timeFreed: 'Time freed? Hours approved by managers',
    timeUsed: 'Time freed? Hours both members spent in sessions',
    evaluation: 'Evaluation? Feedback given',
    comments: 'Shared comments',
  },
} as const;
