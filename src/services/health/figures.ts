import type {
  ApprovalsHealth,
  AtRiskPair,
  GuardedNumber,
  GuideAnswers,
  HealthPair,
  HealthResponse,
  ParticipantsHealth,
  PairsHealth,
  SatisfactionDirection,
  SessionWeek,
  SessionsHealth,
  SharedComment,
  TimeToFirstSession,
} from '../../contracts/health';
import { healthListCap } from '../../contracts/health';
import type { Approval } from '../../domain/approval';
import {
  daysBetween,
  firstHeldStart,
  isSmallGroup,
  lastHeldStart,
  median,
  nextPlannedStart,
  risksOf,
  round1,
  sessionWeeks,
  skillMatcher,
  weekStartOf,
  type Risk,
} from '../../domain/health';
import { latestPairingFits } from '../../domain/pair/feedback';
import { pairStates, type Pair, type PairState } from '../../domain/pair/schema';
import type { Person } from '../../domain/person';
import type { OptInStatus, Profile, RoleWish } from '../../domain/profile';
import type { Programme } from '../../domain/programme';
import { protectPairFigures, protectParticipants } from './small-groups';
import { skillsOf } from './skills-figures';

/** Everything the figures are computed from; read once per recomputation. */
export type FiguresInput = {
  programme: Programme;
  pairs: readonly Pair[];
  profiles: readonly Profile[];
  people: ReadonlyMap<string, Person>;
  /** The tenant's approvals (those of other programmes' pairs are ignored). */
  approvals: readonly Approval[];
  /** The latest matching run's unmatched people, or null before any run. */
  unmatched:
    readonly { personId: string; reasons: { code: string; fr: string; en: string }[] }[] | null;
  now: Date;
};

/** The figures for one filter; the unfiltered slice also carries the report's extras. */
export type HealthSlice = {
  department: string | null;
  startMonth: string | null;
  health: HealthResponse;
  /**
   * How many people each figure over pairs covers (`satisfaction.<direction>`,
   * `timeToFirstSession`, `skill.<id>`), even when hidden: small-groups.ts protects them across
   * start months. Not stored.
   */
  groupSizes?: Record<string, number>;
  report?: { sharedComments: SharedComment[]; guide: GuideAnswers };
};

const suppressed = { suppressed: true as const };
const guard = (value: number, people: number): GuardedNumber =>
  isSmallGroup(people) ? suppressed : value;
const guardCount = (count: number): GuardedNumber => guard(count, count);

/** One pair and what every slice needs of it. */
export type PairFacts = {
  pair: Pair;
  row: HealthPair;
  risks: Risk[];
  departments: Set<string>;
  startMonth: string;
};

type PersonFacts = {
  personId: string;
  displayName: string;
  department: string;
  roleWish: RoleWish;
  status: OptInStatus;
  profile?: Profile;
};

const openStates: readonly PairState[] = [
  'proposed',
  'accepted',
  'awaiting_approval',
  'active',
  'paused',
];

/**
 * Every slice of a programme's figures: unfiltered, per department, per start month and per
 * department and start month. Pure: the caller reads the inputs and stores the slices.
 */
export function computeHealthSlices(input: FiguresInput): HealthSlice[] {
  const { programme, now } = input;
  const pairIds = new Set(input.pairs.map((p) => p.id));
  const approvals = input.approvals.filter((a) => pairIds.has(a.pairId));
  const approvalsByPair = new Map<string, Approval[]>();
  for (const a of approvals) {
    const list = approvalsByPair.get(a.pairId) ?? [];
    list.push(a);
    approvalsByPair.set(a.pairId, list);
  }

  const departmentOf = (personId: string, snapshot?: string) =>
    input.people.get(personId)?.department ?? snapshot ?? '';
  const nameOf = (personId: string, snapshot?: string) =>
    input.people.get(personId)?.displayName ?? snapshot ?? personId;

  // People in a pair that is open or done: no longer "unmatched".
  const pairedNow = new Set(
    input.pairs
      .filter((p) => openStates.includes(p.state) || p.state === 'completed')
      .flatMap((p) => [p.mentorId, p.menteeId]),
  );
  // Shared by every slice: each goal is mapped and each session's week found once.
  const skillOf = skillMatcher(programme.skills);
  const weeksOf = new Map<string, string>();
  const weekOf = (iso: string) => {
    let week = weeksOf.get(iso);
    if (week === undefined) {
      week = weekStartOf(iso);
      weeksOf.set(iso, week);
    }
    return week;
  };

  const pairFacts: PairFacts[] = input.pairs.map((pair) => {
    const risks = risksOf(pair, approvalsByPair.get(pair.id) ?? [], now);
    const mentor = {
      personId: pair.mentorId,
      displayName: nameOf(pair.mentorId, pair.members?.mentor.displayName),
      department: departmentOf(pair.mentorId, pair.members?.mentor.department),
    };
    const mentee = {
      personId: pair.menteeId,
      displayName: nameOf(pair.menteeId, pair.members?.mentee.displayName),
      department: departmentOf(pair.menteeId, pair.members?.mentee.department),
    };
    const row: HealthPair = {
      id: pair.id,
      state: pair.state,
      mentor,
      mentee,
      subject: pair.agreement.subject,
      pairedAt: pair.createdAt,
      lastSessionAt: lastHeldStart(pair) ?? null,
      nextSessionAt: nextPlannedStart(pair, now) ?? null,
      sessionsHeld: pair.sessions.filter((s) => s.status === 'held').length,
      sessionsInFrame: pair.agreement.frame.sessions,
      risks: risks.map((r) => r.code),
    };
    return {
      pair,
      row,
      risks,
      departments: new Set([mentor.department, mentee.department].filter((d) => d !== '')),
      startMonth: pair.createdAt.slice(0, 7),
    };
  });

  // Participants: everyone with a profile in the programme, and pair members whose profile has
  // moved on to a later programme (they took part: counted as opted in, in their pair's role).
  const persons = new Map<string, PersonFacts>();
  for (const profile of input.profiles) {
    persons.set(profile.id, {
      personId: profile.id,
      displayName: nameOf(profile.id),
      department: departmentOf(profile.id),
      roleWish: profile.roleWish,
      status: profile.optIn.status,
      profile,
    });
  }
  for (const { pair, row } of pairFacts) {
    for (const [member, role] of [
      [row.mentor, 'mentor'],
      [row.mentee, 'mentee'],
    ] as const) {
      if (persons.has(member.personId)) continue;
      void pair;
      persons.set(member.personId, {
        personId: member.personId,
        displayName: member.displayName,
        department: member.department,
        roleWish: role,
        status: 'opted_in',
      });
    }
  }

  const departments = [
    ...new Set([...persons.values()].map((p) => p.department).filter((d) => d !== '')),
  ].sort((a, b) => a.localeCompare(b, 'fr'));
  const startMonths = [...new Set(pairFacts.map((f) => f.startMonth))].sort();
  const filters = { departments, startMonths };

  const slices: HealthSlice[] = [];
  for (const department of [null, ...departments]) {
    for (const startMonth of [null, ...startMonths]) {
      const facts = pairFacts.filter(
        (f) =>
          (department === null || f.departments.has(department)) &&
          (startMonth === null || f.startMonth === startMonth),
      );
      // A start month narrows participants to the members of that month's pairs.
      const inPairs = new Set(facts.flatMap((f) => [f.pair.mentorId, f.pair.menteeId]));
      const people = [...persons.values()].filter((p) =>
        startMonth === null
          ? department === null || p.department === department
          : inPairs.has(p.personId) && (department === null || p.department === department),
      );
      const skillPeople = new Map<string, number>();
      const groupSizes: Record<string, number> = {};
      const health: HealthResponse = {
        programmeId: programme.id,
        programmeName: programme.name,
        status: programme.status,
        generatedAt: now.toISOString(),
        filter: { department, startMonth },
        filters,
        participants: participantsOf(
          people,
          facts,
          input.unmatched,
          pairedNow,
          startMonth === null,
        ),
        pairs: pairsOf(facts),
        ...atRiskOf(facts, now),
        sessions: sessionsOf(facts, programme, now, weekOf),
        timeToFirstSession: timeToFirstSessionOf(facts),
        satisfaction: satisfactionOf(facts, groupSizes),
        skills: skillsOf(facts, programme, skillOf, skillPeople),
        approvals: approvalsOf(
          facts.flatMap((f) => approvalsByPair.get(f.pair.id) ?? []),
          now,
        ),
        informalHelp: null,
      };
      // Each pair is two people.
      groupSizes.timeToFirstSession = health.timeToFirstSession.pairs * 2;
      for (const [skillId, n] of skillPeople) groupSizes[`skill.${skillId}`] = n;
      const slice: HealthSlice = { department, startMonth, health, groupSizes };
      if (department === null && startMonth === null) {
        slice.report = {
          sharedComments: sharedCommentsOf(facts),
          guide: guideOf(health, facts, people, approvals, programme, skillOf),
        };
      }
      slices.push(slice);
    }
  }
  // Participants' counts are hidden across every slice at once (a count hidden in one slice
  // must not be recomputable from the others).
  return protectPairFigures(protectParticipants(slices));
}

function participantsOf(
  people: readonly PersonFacts[],
  facts: readonly PairFacts[],
  unmatchedByRun: FiguresInput['unmatched'],
  pairedNow: ReadonlySet<string>,
  withLists: boolean,
): ParticipantsHealth {
  const byRole = { mentor: 0, mentee: 0, both: 0 };
  const byState: Record<OptInStatus, number> = { not_joined: 0, opted_in: 0, paused: 0, left: 0 };
  for (const p of people) {
    byRole[p.roleWish] += 1;
    byState[p.status] += 1;
  }
  const inOpenPairs = new Set(
    facts
      .filter((f) => f.pair.state !== 'ended')
      .flatMap((f) => [f.pair.mentorId, f.pair.menteeId]),
  );
  const byId = new Map(people.map((p) => [p.personId, p]));
  const ids = new Set(byId.keys());
  const invitees = withLists
    ? people
        .filter((p) => p.status === 'not_joined' && p.profile)
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
    : [];
  const unmatched =
    unmatchedByRun === null || !withLists
      ? null
      : unmatchedByRun
          .filter((u) => ids.has(u.personId) && !pairedNow.has(u.personId))
          .filter((u) => {
            const status = byId.get(u.personId)?.status;
            return status === 'opted_in' || status === 'paused';
          })
          .map((u) => {
            const person = byId.get(u.personId)!;
            return {
              personId: u.personId,
              displayName: person.displayName,
              department: person.department,
              roleWish: person.roleWish,
              reasons: u.reasons.map((r) => ({ code: r.code, fr: r.fr, en: r.en })),
            };
          })
          .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  // Plain counts here: protectParticipants hides small groups over every slice at once.
  return {
    total: people.length,
    byRole,
    byState,
    inPairs: [...ids].filter((id) => inOpenPairs.has(id)).length,
    invitedNotJoined: invitees.slice(0, healthListCap).map((p) => ({
      personId: p.personId,
      displayName: p.displayName,
      department: p.department,
      invitedAt: p.profile!.updatedAt,
      reminder: { available: true, lastSentAt: null, nextAvailableAt: null },
    })),
    invitedNotJoinedTotal: invitees.length,
    unmatched: unmatched === null ? null : unmatched.slice(0, healthListCap),
    unmatchedTotal: unmatched?.length ?? 0,
  };
}

function pairsOf(facts: readonly PairFacts[]): PairsHealth {
  const byState = Object.fromEntries(pairStates.map((s) => [s, 0])) as Record<PairState, number>;
  for (const f of facts) byState[f.pair.state] += 1;
  const rank = (f: PairFacts) => (openStates.includes(f.pair.state) ? 0 : 1);
  const list = [...facts]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.risks.length - a.risks.length ||
        a.row.mentor.displayName.localeCompare(b.row.mentor.displayName, 'fr'),
    )
    .slice(0, healthListCap)
    .map((f) => f.row);
  return {
    total: facts.length,
    byState,
    list,
    listTotal: facts.length,
    endedEarly: byState.ended,
  };
}

function atRiskOf(
  facts: readonly PairFacts[],
  now: Date,
): { atRisk: AtRiskPair[]; atRiskTotal: number } {
  const risky = facts.filter((f) => f.risks.length > 0);
  const quiet = (f: PairFacts) => daysBetween(f.row.lastSessionAt ?? f.row.pairedAt, now);
  risky.sort(
    (a, b) =>
      b.risks.length - a.risks.length ||
      quiet(b) - quiet(a) ||
      a.row.mentor.displayName.localeCompare(b.row.mentor.displayName, 'fr'),
  );
  return {
    atRisk: risky.slice(0, healthListCap).map((f) => ({
      ...f.row,
      reasons: f.risks.map((r) => ({ code: r.code, days: r.days })),
      nudge: { available: true, lastSentAt: null, nextAvailableAt: null },
    })),
    atRiskTotal: risky.length,
  };
}

function sessionsOf(
  facts: readonly PairFacts[],
  programme: Programme,
  now: Date,
  weekOf: (iso: string) => string,
): SessionsHealth {
  const totals = { planned: 0, held: 0, missed: 0, cancelled: 0, upcoming: 0, unrecorded: 0 };
  let minutesHeld = 0;
  const weeks = new Map<string, SessionWeek>();
  const starts = facts.flatMap(({ pair }) =>
    pair.sessions.filter((s) => s.status !== 'cancelled').map((s) => s.start),
  );
  for (const week of sessionWeeks(programme, starts)) {
    weeks.set(week, { weekStart: week, planned: 0, held: 0, missed: 0 });
  }
  const nowMs = now.getTime();
  for (const { pair } of facts) {
    for (const s of pair.sessions) {
      if (s.status === 'cancelled') {
        totals.cancelled += 1;
        continue;
      }
      totals.planned += 1;
      if (s.status === 'held') {
        totals.held += 1;
        minutesHeld += s.durationMinutes;
      } else if (s.status === 'missed') totals.missed += 1;
      else if (Date.parse(s.start) + s.durationMinutes * 60_000 <= nowMs) totals.unrecorded += 1;
      else totals.upcoming += 1;
      const w = weeks.get(weekOf(s.start));
      if (!w) continue;
      w.planned += 1;
      if (s.status === 'held') w.held += 1;
      if (s.status === 'missed') w.missed += 1;
    }
  }
  return { ...totals, minutesHeld, byWeek: [...weeks.values()] };
}

function timeToFirstSessionOf(facts: readonly PairFacts[]): TimeToFirstSession {
  const days: number[] = [];
  let withoutSession = 0;
  for (const { pair } of facts) {
    const first = firstHeldStart(pair);
    if (first)
      days.push(Math.max(0, (Date.parse(first) - Date.parse(pair.createdAt)) / 86_400_000));
    else if (pair.state !== 'ended' && pair.state !== 'proposed') withoutSession += 1;
  }
  // Each pair is two people: fewer than 3 pairs is fewer than 5 people.
  const people = days.length * 2;
  const med = median(days);
  return {
    pairs: days.length,
    withoutSession,
    medianDays: med === undefined ? null : guard(round1(med), people),
    averageDays:
      days.length === 0
        ? null
        : guard(round1(days.reduce((a, b) => a + b, 0) / days.length), people),
  };
}

function satisfactionOf(
  facts: readonly PairFacts[],
  /** Filled with each direction's raw counts (`satisfaction.<direction>[.<cell>]`). */
  sizes: Record<string, number>,
): HealthResponse['satisfaction'] {
  const direction = (side: 'mentee' | 'mentor'): SatisfactionDirection => {
    const raters = new Set<string>();
    const distribution = { '1': 0, '2': 0, '3': 0, '4': 0 };
    const fit = { good: 0, unsure: 0, poor: 0 };
    let count = 0;
    let sum = 0;
    for (const { pair } of facts) {
      const authorId = side === 'mentee' ? pair.menteeId : pair.mentorId;
      const given = pair.feedback.filter((f) => f.fromId === authorId);
      if (given.length === 0) continue;
      raters.add(authorId);
      for (const f of given) {
        count += 1;
        sum += f.rating;
        distribution[String(f.rating) as '1' | '2' | '3' | '4'] += 1;
      }
      const latest = latestPairingFits(pair)[side];
      if (latest) fit[latest] += 1;
    }
    // Raw counts, hidden or not: small-groups.ts hides cells within and across start months.
    const key = `satisfaction.${side === 'mentee' ? 'menteesAboutMentors' : 'mentorsAboutMentees'}`;
    sizes[key] = raters.size;
    sizes[`${key}.feedback`] = count;
    for (const r of ['1', '2', '3', '4'] as const) sizes[`${key}.rating.${r}`] = distribution[r];
    for (const f of ['good', 'unsure', 'poor'] as const) sizes[`${key}.fit.${f}`] = fit[f];
    if (raters.size < 5) return { suppressed: true };
    return {
      suppressed: false,
      raters: raters.size,
      feedbackCount: count,
      averageRating: round1(sum / count),
      distribution,
      fit,
    };
  };
  let expected = 0;
  let given = 0;
  for (const { pair } of facts) {
    const held = new Set(pair.sessions.filter((s) => s.status === 'held').map((s) => s.id));
    expected += held.size * 2;
    given += pair.feedback.filter((f) => held.has(f.sessionId)).length;
  }
  return {
    menteesAboutMentors: direction('mentee'),
    mentorsAboutMentees: direction('mentor'),
    responseRate: expected === 0 ? null : Math.round((given / expected) * 100) / 100,
  };
}

function approvalsOf(approvals: readonly Approval[], now: Date): ApprovalsHealth {
  let pending = 0;
  let pendingOver7Days = 0;
  let approved = 0;
  let declined = 0;
  const days: number[] = [];
  for (const a of approvals) {
    if (a.status === 'pending') {
      pending += 1;
      if (daysBetween(a.createdAt, now) >= 7) pendingOver7Days += 1;
    } else if (a.status === 'approved' || a.status === 'declined') {
      if (a.status === 'approved') approved += 1;
      else declined += 1;
      if (a.decidedAt) days.push((Date.parse(a.decidedAt) - Date.parse(a.createdAt)) / 86_400_000);
    }
  }
  const med = median(days);
  return {
    pending,
    pendingOver7Days,
    approved,
    declined,
    medianDaysToDecide: med === undefined ? null : guard(round1(med), days.length),
  };
}

function sharedCommentsOf(facts: readonly PairFacts[]): SharedComment[] {
  const comments: SharedComment[] = [];
  for (const { pair } of facts) {
    const starts = new Map(pair.sessions.map((s) => [s.id, s.start]));
    for (const f of pair.feedback) {
      // Privacy by construction: only what its author chose to share, and never who wrote it.
      if (f.shareWithLead !== true) continue;
      if (f.worked.trim() === '' && f.suggestion.trim() === '') continue;
      comments.push({
        direction: f.fromId === pair.menteeId ? 'mentee_to_mentor' : 'mentor_to_mentee',
        month: (starts.get(f.sessionId) ?? f.at).slice(0, 7),
        rating: f.rating,
        worked: f.worked,
        suggestion: f.suggestion,
      });
    }
  }
  return comments.sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.direction.localeCompare(b.direction) ||
      a.worked.localeCompare(b.worked),
  );
}

function guideOf(
  health: HealthResponse,
  facts: readonly PairFacts[],
  people: readonly PersonFacts[],
  approvals: readonly Approval[],
  programme: Programme,
  skillOf: (goal: string) => string | undefined,
): GuideAnswers {
  const requested = new Set<string>();
  for (const p of people) for (const l of p.profile?.learns ?? []) requested.add(l.skillId);
  for (const { pair } of facts) {
    for (const goal of pair.agreement.menteeGoals) {
      const id = skillOf(goal);
      if (id) requested.add(id);
    }
  }
  const catalogue = new Set(programme.skills.map((s) => s.id));
  const volunteered = people.filter((p) => p.status !== 'not_joined').length;
  const assessed = new Set<string>();
  for (const { pair } of facts) {
    const phases = new Map<string, Set<string>>();
    for (const a of pair.assessments) {
      const set = phases.get(a.personId) ?? new Set<string>();
      set.add(a.phase);
      phases.set(a.personId, set);
    }
    for (const [personId, set] of phases)
      if (set.has('start') && set.has('end')) assessed.add(personId);
  }
  const feedbackCount = facts.reduce((n, f) => n + f.pair.feedback.length, 0);
  return {
    realNeed: {
      skillsRequested: [...requested].filter((id) => catalogue.has(id)).length,
      skillsInCatalogue: catalogue.size,
      pairsFormed: facts.filter((f) => f.pair.state !== 'proposed').length,
    },
    // Plain counts: protectParticipants reads them off the protected states.
    volunteers: {
      volunteered,
      invitedNotJoined: people.filter((p) => p.status === 'not_joined').length,
      left: people.filter((p) => p.status === 'left').length,
      pairsEndedEarly: health.pairs.endedEarly,
    },
    timeFreed: {
      minutesApproved: approvals
        .filter((a) => a.status === 'approved')
        .reduce((n, a) => n + a.request.totalMinutes, 0),
      // Both members attend a session; approvals are per person.
      memberMinutesHeld: 2 * health.sessions.minutesHeld,
    },
    evaluation: {
      feedbackCount,
      responseRate: health.satisfaction.responseRate,
      assessedStartAndEnd: guardCount(assessed.size),
    },
  };
}
