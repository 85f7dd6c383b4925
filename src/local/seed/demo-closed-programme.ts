import { approvalRequestFor, type Approval } from '../../domain/approval';
import type { Clock } from '../../domain/clock';
import { addDays } from '../../domain/calendar/local-time';
import {
  pairSchema,
  type Assessment,
  type Feedback,
  type Pair,
  type PairMembers,
  type Session,
} from '../../domain/pair/schema';
import type { PrivateNotebook } from '../../domain/pair/private-notes';
import { defaultFrame, newProgramme, type Programme } from '../../domain/programme';
import { demoPersonId, demoSkills } from './demo-data';

/**
 * Last year's programme, closed, so the bilan (health figures and report) has real content on a
 * fresh start: "Mentorat inversé 2026", 12 pairs that met every two weeks, feedback both ways
 * (some comments shared with the lead for the report, others kept between the pair), start and
 * end self-assessments, one pair ended early. Dates are relative to the load date: it ran from
 * about 13 months ago to 7 months ago.
 *
 * Who took part: a few of today's employees (never two of today's volunteers together, so this
 * year's matching, which never pairs former partners again, is unchanged) and colleagues who have
 * left the company since (not in the directory: their names live in the pairs' member snapshots).
 */
export const demoClosedProgrammeId = 'prog-mentorat-inverse-2026';

const day = 86_400_000;

type Side = { n: number; name: string; title: string; dept: string };

// Today's employees (demo-data.ts numbers) and former colleagues (ids 101+).
const p = (n: number, name: string, title: string, dept: string): Side => ({
  n,
  name,
  title,
  dept,
});
const zoe = p(29, 'Zoé Morel', 'Analyste cybersécurité', 'Informatique');
const bernard = p(2, 'Bernard Lefèvre', 'Directeur financier', 'Finance');
const nicolas = p(20, 'Nicolas André', 'Technicien supply chain', 'Opérations');
const patrick = p(4, 'Patrick Rousseau', 'Directeur des opérations', 'Opérations');
const jade = p(25, 'Jade Perrin', 'Chargée de recrutement', 'Ressources humaines');
const francois = p(30, 'François Lucas', 'Responsable infrastructure', 'Informatique');
const manon = p(23, 'Manon Clément', 'Ingénieure qualité', 'Opérations');
const gerard = p(22, 'Gérard Lemoine', 'Responsable qualité', 'Opérations');
const isabelle = p(24, 'Isabelle Gauthier', 'Responsable paie', 'Ressources humaines');
const former = (n: number, name: string, title: string, dept: string) =>
  p(100 + n, name, title, dept);

type PairPlan = {
  mentor: Side;
  mentee: Side;
  subject: string;
  menteeGoal: string;
  mentorGoal: string;
  /** Paired one or six weeks after the start: always two start months for the filter. */
  late?: boolean;
  /** Sessions held (out of 6); a missed one where given. */
  held: number;
  missedAt?: number;
  endedEarly?: string;
  ratings: [mentee: number, mentor: number];
  fit?: 'good' | 'unsure' | 'poor';
  levels: [menteeStart: number, menteeEnd: number, mentorStart: number, mentorEnd: number];
  /** Comments after the first session: shared with the lead or not. */
  comments?: { fromMentee?: [string, string, boolean]; fromMentor?: [string, string, boolean] };
};

const plans: PairPlan[] = [
  {
    mentor: zoe,
    mentee: bernard,
    subject: 'Hygiène cyber pour la direction financière',
    menteeGoal: 'Reconnaître un hameçonnage (hygiène cyber)',
    mentorGoal: 'Comprendre la clôture des comptes (gestion de projet)',
    held: 6,
    ratings: [4, 4],
    fit: 'good',
    levels: [1, 4, 2, 3],
    comments: {
      fromMentee: [
        'Des exemples tirés de nos vrais courriels',
        'Un mémo d’une page à garder',
        true,
      ],
      fromMentor: ['Bernard pose les bonnes questions', 'Prévoir un peu plus de temps', false],
    },
  },
  {
    mentor: nicolas,
    mentee: patrick,
    subject: 'Power BI pour suivre les stocks',
    menteeGoal: 'Construire un tableau de bord Power BI des stocks',
    mentorGoal: 'Prendre la parole en comité (prise de parole en public)',
    held: 6,
    ratings: [4, 3],
    fit: 'good',
    levels: [1, 3, 2, 4],
    comments: {
      fromMentee: ['Nicolas est patient et précis', 'Partir de mes fichiers du lundi', true],
    },
  },
  {
    mentor: jade,
    mentee: francois,
    subject: 'Copilot et LinkedIn pour recruter dans l’équipe infrastructure',
    menteeGoal: 'Trier les candidatures avec Copilot',
    mentorGoal: 'Comprendre le métier de l’infrastructure',
    held: 5,
    missedAt: 4,
    ratings: [3, 4],
    fit: 'good',
    levels: [2, 4, 1, 3],
  },
  {
    mentor: manon,
    mentee: former(1, 'Arthur Lemaire', 'Directeur d’usine', 'Opérations'),
    subject: 'Excel avancé pour les indicateurs qualité',
    menteeGoal: 'Automatiser mon suivi avec Excel avancé',
    mentorGoal: 'Négocier avec un fournisseur (négociation)',
    held: 6,
    ratings: [4, 4],
    fit: 'good',
    levels: [2, 4, 1, 3],
    comments: {
      fromMentor: [
        'Arthur m’a ouvert son carnet de fournisseurs',
        'Continuer après le programme',
        true,
      ],
    },
  },
  {
    mentor: former(2, 'Théo Giraud', 'Alternant data', 'Informatique'),
    mentee: gerard,
    subject: 'Copilot pour les rapports qualité',
    menteeGoal: 'Rédiger mes synthèses avec Copilot',
    mentorGoal: 'Conduire une réunion (leadership)',
    late: true,
    held: 6,
    ratings: [3, 4],
    fit: 'good',
    levels: [1, 3, 2, 3],
  },
  {
    mentor: former(3, 'Lina Haddad', 'Chargée de communication digitale', 'Marketing'),
    mentee: isabelle,
    subject: 'Copilot et Microsoft Teams pour l’équipe paie',
    menteeGoal: 'Rédiger les comptes rendus de l’équipe paie avec Copilot',
    mentorGoal: 'Comprendre la paie et ses contraintes',
    late: true,
    held: 6,
    ratings: [4, 3],
    fit: 'good',
    levels: [2, 4, 1, 2],
    comments: {
      fromMentee: ['Tout de suite utile pour l’équipe', 'Une séance de plus sur les canaux', true],
      fromMentor: ['Isabelle prépare chaque séance', '', false],
    },
  },
  {
    mentor: former(4, 'Noah Bertrand', 'Développeur', 'Informatique'),
    mentee: former(5, 'Brigitte Vidal', 'Directrice des achats', 'Achats'),
    subject: 'Copilot pour préparer les appels d’offres',
    menteeGoal: 'Préparer un appel d’offres avec Copilot',
    mentorGoal: 'Mener une négociation (négociation)',
    held: 6,
    ratings: [4, 4],
    fit: 'good',
    levels: [1, 4, 1, 3],
  },
  {
    mentor: former(6, 'Sacha Renaud', 'Chargé de clientèle', 'Ventes'),
    mentee: former(7, 'Claudine Perret', 'Directrice régionale Est', 'Ventes'),
    subject: 'LinkedIn et la prospection',
    menteeGoal: 'Soigner mon profil LinkedIn',
    mentorGoal: 'Gérer un client difficile (relation client)',
    held: 6,
    ratings: [3, 3],
    fit: 'unsure',
    levels: [2, 3, 2, 3],
    comments: {
      fromMentee: ['Des conseils concrets', 'Des séances plus courtes', false],
    },
  },
  {
    mentor: former(8, 'Maxime Colin', 'Analyste financier', 'Finance'),
    mentee: former(9, 'Jean-Pierre Marchal', 'Trésorier', 'Finance'),
    subject: 'Power BI pour la trésorerie',
    menteeGoal: 'Suivre la trésorerie dans Power BI',
    mentorGoal: 'Comprendre la relation avec les banques',
    late: true,
    held: 2,
    endedEarly: 'Jean-Pierre a pris sa retraite plus tôt que prévu.',
    ratings: [2, 3],
    fit: 'unsure',
    levels: [1, 2, 2, 2],
  },
  {
    mentor: former(10, 'Clara Fabre', 'Juriste junior', 'Juridique'),
    mentee: former(11, 'Yves Collet', 'Directeur commercial adjoint', 'Ventes'),
    subject: 'Hygiène cyber en déplacement',
    menteeGoal: 'Protéger mon ordinateur en déplacement (hygiène cyber)',
    mentorGoal: 'Comprendre un cycle de vente (relation client)',
    held: 5,
    missedAt: 3,
    ratings: [3, 4],
    fit: 'good',
    levels: [1, 3, 1, 3],
  },
  {
    mentor: former(12, 'Emma Lopez', 'Assistante marketing', 'Marketing'),
    mentee: former(13, 'Danielle Roche', 'Directrice marketing adjointe', 'Marketing'),
    subject: 'Réseaux sociaux pour la marque',
    menteeGoal: 'Animer les réseaux sociaux de la marque',
    mentorGoal: 'Construire un plan marketing (gestion de projet)',
    held: 6,
    ratings: [4, 4],
    fit: 'good',
    levels: [2, 4, 1, 4],
    comments: {
      fromMentee: ['Emma m’a montré ce que nos clients regardent vraiment', 'Rien à changer', true],
    },
  },
  {
    mentor: former(14, 'Hugo Blanchard', 'Technicien support', 'Informatique'),
    mentee: former(15, 'Monique Schmitt', 'Responsable des services généraux', 'Services généraux'),
    subject: 'Copilot et Microsoft Teams au quotidien',
    menteeGoal: 'Résumer mes réunions avec Copilot',
    mentorGoal: 'Comprendre l’histoire de l’entreprise',
    late: true,
    held: 6,
    ratings: [4, 3],
    fit: 'good',
    levels: [1, 3, 1, 4],
  },
];

/**
 * When the 2026 programme ran, relative to today: from the Monday about 13 months ago to about 7
 * months ago. Pairs form on Mondays and meet on Tuesdays, so every session is on a working day.
 */
function closedDates(today: string): { startDate: string; endDate: string } {
  let startDate = addDays(today, -400);
  // 1970-01-05 was a Monday.
  while ((Date.parse(`${startDate}T00:00:00Z`) / day - 4) % 7 !== 0)
    startDate = addDays(startDate, 1);
  return { startDate, endDate: addDays(startDate, 180) };
}

/** The closed 2026 programme, its pairs, a few private notebooks and the managers' approvals. */
export function demoClosedProgramme(
  tenantId: string,
  clock: Clock,
): { programme: Programme; pairs: Pair[]; notebooks: PrivateNotebook[]; approvals: Approval[] } {
  const now = clock.now();
  const today = now.toISOString().slice(0, 10);
  const { startDate, endDate } = closedDates(today);
  const startMs = Date.parse(`${startDate}T09:00:00.000Z`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const programme: Programme = {
    ...newProgramme(
      {
        id: demoClosedProgrammeId,
        tenantId,
        name: 'Mentorat inversé 2026',
        description:
          'Première édition : douze binômes, six séances d’une heure toutes les deux semaines.',
        startDate,
        endDate,
        leadIds: [demoPersonId(5)],
        skills: demoSkills,
        managerApprovalRequired: true,
      },
      { now: () => new Date(startMs - 60 * day) },
    ),
    status: 'closed',
    updatedAt: iso(Date.parse(`${endDate}T18:00:00.000Z`)),
  };

  const pairs: Pair[] = [];
  const approvals: Approval[] = [];
  const notebooks: PrivateNotebook[] = [];
  plans.forEach((plan, i) => {
    const id = `pair-2026-${String(i + 1).padStart(2, '0')}`;
    const mentorId = demoPersonId(plan.mentor.n);
    const menteeId = demoPersonId(plan.mentee.n);
    const pairedAt = startMs + (plan.late ? 42 : 7) * day + i * 20 * 60_000;
    const sessions: Session[] = [];
    const total = plan.endedEarly ? plan.held : 6;
    for (let k = 0; k < total; k++) {
      const start = pairedAt + (8 + 14 * k) * day;
      sessions.push({
        id: `${id}-s${k + 1}`,
        index: k + 1,
        start: iso(start),
        durationMinutes: 60,
        status: plan.missedAt === k + 1 ? 'missed' : 'held',
        actionItems: [],
      });
    }
    if (plan.endedEarly) {
      // The rest of the series was cancelled when the pair ended.
      for (let k = total; k < 6; k++) {
        sessions.push({
          id: `${id}-s${k + 1}`,
          index: k + 1,
          start: iso(pairedAt + (8 + 14 * k) * day),
          durationMinutes: 60,
          status: 'cancelled',
          actionItems: [],
        });
      }
    }
    const feedback: Feedback[] = [];
    for (const s of sessions.filter((x) => x.status === 'held')) {
      const at = iso(Date.parse(s.start) + 2 * 3_600_000);
      const first = s.index === 1;
      const fromMentee = first ? plan.comments?.fromMentee : undefined;
      const fromMentor = first ? plan.comments?.fromMentor : undefined;
      // Ratings vary a little around the pair's mood.
      const wobble = s.index % 3 === 0 ? -1 : 0;
      feedback.push({
        sessionId: s.id,
        fromId: menteeId,
        toId: mentorId,
        rating: Math.max(1, plan.ratings[0] + wobble),
        worked: fromMentee?.[0] ?? '',
        suggestion: fromMentee?.[1] ?? '',
        ...(fromMentee?.[2] ? { shareWithLead: true } : {}),
        ...(s.index === 2 && plan.fit ? { pairingFit: plan.fit } : {}),
        at,
      });
      feedback.push({
        sessionId: s.id,
        fromId: mentorId,
        toId: menteeId,
        rating: plan.ratings[1],
        worked: fromMentor?.[0] ?? '',
        suggestion: fromMentor?.[1] ?? '',
        ...(fromMentor?.[2] ? { shareWithLead: true } : {}),
        ...(s.index === 2 ? { pairingFit: 'good' as const } : {}),
        at,
      });
    }
    const firstAt = sessions[0]!.start;
    const lastHeld = [...sessions].reverse().find((s) => s.status === 'held')!.start;
    const [ms, me, os, oe] = plan.levels;
    const assessments: Assessment[] = [
      { personId: menteeId, phase: 'start', goal: plan.menteeGoal, level: ms, at: firstAt },
      { personId: mentorId, phase: 'start', goal: plan.mentorGoal, level: os, at: firstAt },
      { personId: menteeId, phase: 'end', goal: plan.menteeGoal, level: me, at: lastHeld },
      { personId: mentorId, phase: 'end', goal: plan.mentorGoal, level: oe, at: lastHeld },
    ];
    const signedAt = iso(pairedAt + 2 * day);
    const activeAt = iso(pairedAt + 5 * day);
    const closedAt = plan.endedEarly
      ? iso(Date.parse(lastHeld) + 5 * day)
      : iso(Date.parse(sessions[sessions.length - 1]!.start) + 3 * day);
    const members: PairMembers = {
      mentor: snapshot(plan.mentor),
      mentee: snapshot(plan.mentee),
    };
    pairs.push(
      pairSchema.parse({
        id,
        tenantId,
        programmeId: demoClosedProgrammeId,
        proposalId: `proposal-${id}`,
        mentorId,
        menteeId,
        state: plan.endedEarly ? 'ended' : 'completed',
        agreement: {
          subject: plan.subject,
          menteeGoals: [plan.menteeGoal],
          mentorGoals: [plan.mentorGoal],
          frame: defaultFrame,
          groundRules: ['On décale une séance au moins 24 h avant'],
          confidentiality: 'Ce qui se dit dans le binôme reste dans le binôme.',
          revision: 1,
          signatures: {
            mentor: { at: signedAt, revision: 1 },
            mentee: { at: signedAt, revision: 1 },
          },
        },
        calendar: {},
        sessions,
        feedback,
        assessments,
        members,
        ...(plan.endedEarly ? { endReason: plan.endedEarly } : {}),
        history: [
          { from: 'proposed', to: 'accepted', at: iso(pairedAt), by: menteeId },
          { from: 'accepted', to: 'awaiting_approval', at: signedAt, by: menteeId },
          { from: 'awaiting_approval', to: 'active', at: activeAt, by: menteeId },
          {
            from: 'active',
            to: plan.endedEarly ? 'ended' : 'completed',
            at: closedAt,
            by: menteeId,
            ...(plan.endedEarly ? { reason: plan.endedEarly } : {}),
          },
        ],
        createdAt: iso(pairedAt),
        updatedAt: closedAt,
      }),
    );
    // Both managers approved the time, within a few days (by managers who have left since).
    for (const [k, personId] of [mentorId, menteeId].entries()) {
      const managerId = demoPersonId(150 + k);
      approvals.push({
        id: `approval-${id}-${k + 1}`,
        tenantId,
        pairId: id,
        personId,
        managerId,
        requestedBy: menteeId,
        agreementRevision: 1,
        request: approvalRequestFor(defaultFrame, firstAt.slice(0, 10)),
        status: 'approved',
        decidedAt: iso(Date.parse(signedAt) + (1 + ((i + k) % 4)) * day),
        decidedBy: managerId,
        createdAt: signedAt,
      });
    }
    // Private notes stay their author's: never in the figures or the report.
    if (i < 3) {
      notebooks.push({
        id: `${id}:${menteeId}`,
        tenantId,
        pairId: id,
        authorId: menteeId,
        notes: [
          {
            sessionId: `${id}-s1`,
            text: 'Note personnelle : revoir les étapes seul avant la prochaine séance.',
            revision: 1,
            updatedAt: firstAt,
          },
        ],
        updatedAt: firstAt,
      });
    }
  });
  return { programme, pairs, notebooks, approvals };
}

function snapshot(side: Side): PairMembers['mentor'] {
  return {
    displayName: side.name,
    jobTitle: side.title,
    department: side.dept,
    languages: ['fr'],
    timeZone: 'Europe/Paris',
    photoUrl: null,
  };
}
