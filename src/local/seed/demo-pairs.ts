import {
  approvalIdFor,
  approvalRequestFor,
  requestStartDay,
  type Approval,
} from '../../domain/approval';
import type { Clock } from '../../domain/clock';
import { matchProposalSchema } from '../../domain/match-proposal';
import { editAgreement, signAgreement } from '../../domain/pair/agreement';
import { pairApprovalOf, recordApprovals } from '../../domain/pair/approvals';
import { transitionPair } from '../../domain/pair/lifecycle';
import type { Pair, PairMembers } from '../../domain/pair/schema';
import { writePrivateNote, type PrivateNotebook } from '../../domain/pair/private-notes';
import { newPair } from '../../domain/pair/creation';
import { giveFeedback, recordAssessment } from '../../domain/pair/feedback';
import {
  addActionItem,
  editSessionNotes,
  planSession,
  setActionItemDone,
  setSessionStatus,
} from '../../domain/pair/sessions';
import { defaultFrame } from '../../domain/programme';
import { toLocal } from '../../domain/calendar/local-time';
import { demoPersonId, demoProgrammeDates, demoProgrammeId } from './demo-data';

/**
 * Three demo pairs so that the pair dashboard can be tried right after `npm start`:
 * - Yanis Benali (developer) mentors Martine Chevalier (regional sales director) on Power BI:
 *   active, agreement signed, three sessions held with notes, feedback and assessments, three to come;
 * - Louise Nicolas (community manager) and Pierre Gaillard (legal director): accepted, the agreement
 *   on Teams and OneNote is signed by Louise only;
 * - Ethan Walker (data engineer in Toronto, English) and Michel Brun (head of market research):
 *   active, one session held, the next one next week;
 * - Gabriel Da Silva (digital marketing) and Romain Leroy (head of pre-sales) on LinkedIn: both
 *   signed yesterday, awaiting approval: Gabriel's manager Nathalie Girard approved, Romain's
 *   manager Sylvie Garnier has not decided yet (her request is in the tab's Approvals).
 * Every date is relative to the clock, so the demo always has a past and a future.
 */
export const demoPairIds = {
  powerBi: 'pair-demo-power-bi',
  teams: 'pair-demo-teams',
  data: 'pair-demo-data',
  linkedIn: 'pair-demo-linkedin',
} as const;

const day = 86_400_000;

/** A clock the builder moves along the pair's story. */
function storyClock(at: number): Clock & { at(ms: number): Clock } {
  let current = at;
  const clock = {
    now: () => new Date(current),
    at(ms: number) {
      current = ms;
      return clock;
    },
  };
  return clock;
}

/**
 * 09:00 UTC (10:00 in Paris in winter) `days` from today, moved on to the Monday when that falls
 * on a weekend in Paris (where the demo pairs work; 09:00 UTC is the same day in Toronto): seeded
 * on any date, the demo's sessions are on working days. Moving on by at most two days keeps a past
 * session in the past and a future one in the future for the offsets used here (never ±1 or ±2
 * around a weekend that would cross today).
 */
function morning(today: number, days: number): number {
  const d = new Date(today + days * day);
  d.setUTCHours(9, 0, 0, 0);
  const weekday = toLocal(d.getTime(), 'Europe/Paris').weekday;
  const skip = weekday === 'sat' ? 2 : weekday === 'sun' ? 1 : 0;
  return d.getTime() + skip * day;
}

function member(
  displayName: string,
  jobTitle: string,
  department: string,
  languages: string[],
  timeZone = 'Europe/Paris',
): PairMembers['mentor'] {
  return { displayName, jobTitle, department, languages, timeZone, photoUrl: null };
}

function acceptedPair(
  tenantId: string,
  id: string,
  mentor: number,
  mentee: number,
  members: PairMembers,
  acceptedAt: number,
  subject: string,
  /** Written by the pair, in their language: the demo company works in French. */
  confidentiality = 'Ce qui se dit dans le binôme reste dans le binôme.',
): Pair {
  const iso = (ms: number) => new Date(ms).toISOString();
  const proposal = matchProposalSchema.parse({
    id: `proposal-${id}`,
    tenantId,
    programmeId: demoProgrammeId,
    runId: 'run-demo',
    mentorId: demoPersonId(mentor),
    menteeId: demoPersonId(mentee),
    score: 82,
    reasons: [],
    status: 'accepted',
    answers: {
      mentor: { answer: 'accepted', at: iso(acceptedAt - day) },
      mentee: { answer: 'accepted', at: iso(acceptedAt) },
    },
    expiresAt: iso(acceptedAt + 6 * day),
    createdAt: iso(acceptedAt - 2 * day),
  });
  return newPair(
    {
      id,
      proposal,
      frame: defaultFrame,
      members,
      subject,
      confidentiality,
    },
    storyClock(acceptedAt),
  );
}

/** The pair moved to active as if both managers had approved (the approval issue's flow). */
function approved(pair: Pair, at: number, managerId: string): Pair {
  const iso = new Date(at).toISOString();
  return {
    ...pair,
    state: 'active',
    history: [
      ...pair.history,
      { from: 'accepted', to: 'awaiting_approval', at: iso, by: pair.menteeId },
      { from: 'awaiting_approval', to: 'active', at: iso, by: managerId },
    ],
    updatedAt: iso,
  };
}

/** The demo pairs, the private notes of their members and the managers' approvals. */
export function demoPairs(
  tenantId: string,
  clock: Clock,
): { pairs: Pair[]; notebooks: PrivateNotebook[]; approvals: Approval[] } {
  const today = clock.now().getTime();
  const story = storyClock(today);
  const notebooks = new Map<string, PrivateNotebook>();
  const note = (pair: Pair, sessionId: string, authorId: string, text: string, at: number) => {
    const key = `${pair.id}:${authorId}`;
    const { notebook } = writePrivateNote(
      notebooks.get(key),
      { tenantId, pairId: pair.id, authorId, sessionId, text },
      story.at(at),
    );
    notebooks.set(key, notebook);
  };

  // --- Yanis Benali × Martine Chevalier: Power BI, mid-way ---------------------------------
  const yanis = demoPersonId(28);
  const martine = demoPersonId(16);
  let a = acceptedPair(
    tenantId,
    demoPairIds.powerBi,
    28,
    16,
    {
      mentor: member('Yanis Benali', 'Développeur', 'Informatique', ['fr', 'en']),
      mentee: member('Martine Chevalier', 'Directrice régionale Sud', 'Ventes', ['fr']),
    },
    today - 50 * day,
    'Power BI : suivre les ventes de ma région',
  );
  a = editAgreement(
    a,
    martine,
    {
      menteeGoals: ['Construire mon tableau de bord des ventes', 'Partager un rapport dans Teams'],
      mentorGoals: ['Comprendre comment on pilote une région commerciale'],
      groundRules: [
        'Caméras allumées',
        'On décale une séance au moins 24 h avant',
        'Martine pratique sur ses propres fichiers',
      ],
    },
    story.at(today - 49 * day),
  ).pair;
  a = signAgreement(a, martine, story.at(today - 48 * day)).pair;
  a = signAgreement(a, yanis, story.at(today - 48 * day + 3_600_000)).pair;
  a = approved(a, today - 45 * day, demoPersonId(3));
  const past = [-42, -28, -14];
  const future = [1, 15, 29];
  for (const [i, offset] of [...past, ...future].entries()) {
    a = planSession(
      a,
      { id: `${a.id}-s${i + 1}`, start: new Date(morning(today, offset)).toISOString() },
      yanis,
      story.at(today - 44 * day),
    ).pair;
  }
  const agendas = [
    'Faire connaissance, choisir le sujet, objectifs dans les deux sens',
    'Se connecter aux données de ventes, premier visuel',
    'Filtres par magasin, mesure DAX de la marge',
    'Publier le rapport et le partager dans Teams',
    'Point de mi-parcours, alertes sur les indicateurs',
    'Démonstration par Martine, bilan',
  ];
  const shared = [
    'Sujet retenu : un tableau de bord des ventes de la région Sud. Martine montrera son fichier Excel mensuel.',
    'Connexion au fichier Excel faite ; premier histogramme des ventes par magasin. Martine a reproduit seule le graphique.',
    'Mesure de marge écrite ensemble. Martine a découvert les segments ; Yanis a compris le découpage des objectifs par magasin.',
  ];
  const feedbackFromMartine = [
    [4, 'Yanis m’a laissée manipuler moi-même', 'Partir directement de mon fichier Excel'],
    [4, 'Le pas à pas sur mes propres chiffres', 'Un mémo écrit des étapes'],
    [3, 'La mesure de marge, très concrète', 'Aller un peu moins vite sur DAX'],
  ] as const;
  const feedbackFromYanis = [
    [4, 'Des questions précises sur le besoin', 'Préparer le fichier avant la séance'],
    [4, 'Martine a expliqué le pilotage des magasins', 'Prendre 5 minutes de plus pour sa partie'],
  ] as const;
  for (const [i, offset] of past.entries()) {
    const sessionId = `${a.id}-s${i + 1}`;
    const end = morning(today, offset) + 60 * 60_000;
    a = setSessionStatus(a, sessionId, 'held', yanis, story.at(end)).pair;
    a = editSessionNotes(
      a,
      sessionId,
      { agenda: agendas[i]!, sharedNotes: shared[i]! },
      martine,
      story.at(end + 600_000),
    ).pair;
    const [rating, worked, suggestion] = feedbackFromMartine[i]!;
    a = giveFeedback(
      a,
      sessionId,
      martine,
      { rating, worked, suggestion, ...(i === 0 ? { pairingFit: 'good' as const } : {}) },
      story.at(end + 3_600_000),
    ).pair;
    const fromYanis = feedbackFromYanis[i];
    if (fromYanis) {
      const [r, w, s] = fromYanis;
      a = giveFeedback(
        a,
        sessionId,
        yanis,
        {
          rating: r,
          worked: w,
          suggestion: s,
          ...(i === 0 ? { pairingFit: 'good' as const } : {}),
        },
        story.at(end + 7_200_000),
      ).pair;
    }
  }
  for (const [i, offset] of future.entries()) {
    // Agendas prepared yesterday.
    a = editSessionNotes(
      a,
      `${a.id}-s${i + 4}`,
      { agenda: agendas[i + 3]! },
      yanis,
      story.at(today - day + offset * 60_000),
    ).pair;
  }
  const s2 = `${a.id}-s2`;
  const s3 = `${a.id}-s3`;
  a = addActionItem(
    a,
    s2,
    { id: 'demo-item-1', text: 'Reproduire le graphique sur le mois de mars', ownerId: martine },
    yanis,
    story.at(morning(today, -28)),
  ).pair;
  a = setActionItemDone(a, s2, 'demo-item-1', true, martine, story.at(morning(today, -20))).pair;
  a = addActionItem(
    a,
    s3,
    {
      id: 'demo-item-2',
      text: 'Ajouter un filtre par magasin',
      ownerId: martine,
      dueDate: new Date(today + 1 * day).toISOString().slice(0, 10),
    },
    yanis,
    story.at(morning(today, -14)),
  ).pair;
  a = addActionItem(
    a,
    s3,
    {
      id: 'demo-item-3',
      text: 'Envoyer un lien vers la formation Power BI en ligne',
      ownerId: yanis,
      dueDate: new Date(today - 7 * day).toISOString().slice(0, 10),
    },
    yanis,
    story.at(morning(today, -14)),
  ).pair;
  const levels: [string, string, 'start' | 'middle', number, number][] = [
    [martine, 'Construire mon tableau de bord des ventes', 'start', 1, -42],
    [martine, 'Partager un rapport dans Teams', 'start', 2, -42],
    [yanis, 'Comprendre comment on pilote une région commerciale', 'start', 1, -42],
    [martine, 'Construire mon tableau de bord des ventes', 'middle', 3, -14],
    [martine, 'Partager un rapport dans Teams', 'middle', 2, -14],
    [yanis, 'Comprendre comment on pilote une région commerciale', 'middle', 3, -14],
  ];
  for (const [personId, goal, phase, level, offset] of levels) {
    a = recordAssessment(
      a,
      personId,
      { phase, goal, level },
      story.at(morning(today, offset) + 2 * 3_600_000),
    ).pair;
  }
  note(
    a,
    `${a.id}-s1`,
    martine,
    'Ne pas oublier de demander l’accès au jeu de données national.',
    morning(today, -42),
  );
  note(
    a,
    s2,
    yanis,
    'Martine préfère voir une fois puis refaire seule : moins parler, plus la laisser faire.',
    morning(today, -28),
  );

  // --- Louise Nicolas × Pierre Gaillard: accepted, half-signed -----------------------------
  const louise = demoPersonId(33);
  let b = acceptedPair(
    tenantId,
    demoPairIds.teams,
    33,
    37,
    {
      mentor: member('Louise Nicolas', 'Community manager', 'Marketing', ['fr', 'en']),
      mentee: member('Pierre Gaillard', 'Directeur juridique', 'Juridique', ['fr']),
    },
    today - 2 * day,
    'Teams et OneNote pour le travail juridique',
  );
  b = editAgreement(
    b,
    louise,
    {
      menteeGoals: [
        'Organiser les dossiers de l’équipe dans un canal Teams',
        'Prendre mes notes de réunion dans OneNote',
      ],
      mentorGoals: ['Comprendre les risques juridiques des réseaux sociaux'],
      groundRules: ['Une heure toutes les deux semaines, en présentiel'],
    },
    story.at(today - day),
  ).pair;
  b = signAgreement(b, louise, story.at(today - day + 600_000)).pair;

  // --- Ethan Walker (Toronto) × Michel Brun: active, one session held ------------------------
  const ethan = demoPersonId(39);
  const michel = demoPersonId(35);
  let c = acceptedPair(
    tenantId,
    demoPairIds.data,
    39,
    35,
    {
      mentor: member(
        'Ethan Walker',
        'Data engineer',
        'Informatique',
        ['en', 'fr'],
        'America/Toronto',
      ),
      mentee: member('Michel Brun', 'Responsable études', 'Marketing', ['fr', 'en']),
    },
    today - 20 * day,
    'Python notebooks for market research',
    // Ethan writes in English: the whole agreement is his pair's, in one language.
    'What is said in the pair stays in the pair.',
  );
  c = editAgreement(
    c,
    michel,
    {
      menteeGoals: ['Clean a survey file with pandas', 'Plot the results in a notebook'],
      mentorGoals: ['Learn how a market study is designed'],
      groundRules: ['English or French, whichever is easier that day'],
    },
    story.at(today - 19 * day),
  ).pair;
  c = signAgreement(c, michel, story.at(today - 19 * day)).pair;
  c = signAgreement(c, ethan, story.at(today - 18 * day)).pair;
  c = approved(c, today - 16 * day, demoPersonId(7));
  // 15:00 UTC: 10:00 in Toronto, 16:00 in Paris.
  const afternoon = (days: number) => morning(today, days) + 6 * 3_600_000;
  c = planSession(
    c,
    { id: `${c.id}-s1`, start: new Date(afternoon(-7)).toISOString() },
    ethan,
    story.at(today - 15 * day),
  ).pair;
  c = planSession(
    c,
    { id: `${c.id}-s2`, start: new Date(afternoon(7)).toISOString() },
    ethan,
    story.at(today - 15 * day),
  ).pair;
  c = setSessionStatus(c, `${c.id}-s1`, 'held', michel, story.at(afternoon(-7) + 3_600_000)).pair;
  c = editSessionNotes(
    c,
    `${c.id}-s1`,
    {
      agenda: 'Introductions, the survey file, installing the notebook',
      sharedNotes: 'Notebook installed. Loaded the 2026 survey; 3 columns need cleaning.',
    },
    ethan,
    story.at(afternoon(-7) + 3_600_000),
  ).pair;
  c = giveFeedback(
    c,
    `${c.id}-s1`,
    michel,
    {
      rating: 3,
      worked: 'Patient, clear explanations',
      suggestion: 'Send the commands in the chat',
      pairingFit: 'good',
    },
    story.at(afternoon(-7) + 2 * 3_600_000),
  ).pair;
  c = recordAssessment(
    c,
    michel,
    { phase: 'start', goal: 'Clean a survey file with pandas', level: 1 },
    story.at(afternoon(-7)),
  ).pair;

  // --- Gabriel Da Silva × Romain Leroy: signed, waiting for Sylvie Garnier's approval ----------
  const gabriel = demoPersonId(34);
  const romain = demoPersonId(41);
  let d = acceptedPair(
    tenantId,
    demoPairIds.linkedIn,
    34,
    41,
    {
      mentor: member('Gabriel Da Silva', 'Chargé de marketing digital', 'Marketing', ['fr', 'en']),
      mentee: member('Romain Leroy', 'Responsable avant-vente', 'Ventes', ['fr']),
    },
    today - 4 * day,
    'LinkedIn pour la prospection commerciale',
  );
  d = editAgreement(
    d,
    gabriel,
    {
      menteeGoals: [
        'Soigner mon profil LinkedIn',
        'Publier un retour d’expérience client par mois',
      ],
      mentorGoals: ['Comprendre comment se prépare une réponse à appel d’offres'],
      groundRules: ['Une heure toutes les deux semaines, en visio'],
    },
    story.at(today - 3 * day),
  ).pair;
  const signedAt = today - day;
  d = signAgreement(d, gabriel, story.at(signedAt - 3_600_000)).pair;
  d = signAgreement(d, romain, story.at(signedAt)).pair;
  d = transitionPair(d, { type: 'request_approval' }, romain, story.at(signedAt)).pair;
  // As the service asks: from the next working day, never before the programme starts.
  const request = approvalRequestFor(
    d.agreement.frame,
    requestStartDay(d, 'Europe/Paris', story.at(signedAt), demoProgrammeDates(clock).startDate),
  );
  const asked = (personId: string, managerId: string): Approval => ({
    id: approvalIdFor(d.id, personId, d.agreement.revision),
    tenantId,
    pairId: d.id,
    personId,
    managerId,
    requestedBy: romain,
    agreementRevision: d.agreement.revision,
    request,
    status: 'pending',
    createdAt: new Date(signedAt).toISOString(),
  });
  const approvals: Approval[] = [
    asked(romain, demoPersonId(3)),
    {
      ...asked(gabriel, demoPersonId(7)),
      status: 'approved',
      decidedAt: new Date(signedAt + 2 * 3_600_000).toISOString(),
      decidedBy: demoPersonId(7),
      comment: 'Très bonne initiative, bon binôme !',
    },
  ];
  // The pair carries where its approvals stand (its dashboard reads no approval document).
  const managerNames = new Map([
    [demoPersonId(3), 'Sylvie Garnier'],
    [demoPersonId(7), 'Nathalie Girard'],
  ]);
  d = recordApprovals(
    d,
    approvals.map((approval) =>
      pairApprovalOf(approval, managerNames.get(approval.managerId) ?? approval.managerId),
    ),
    story.at(signedAt + 2 * 3_600_000),
  ).pair;

  return { pairs: [a, b, c, d], notebooks: [...notebooks.values()], approvals };
}
