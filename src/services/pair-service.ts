import { randomUUID } from 'node:crypto';
import type {
  ActionItemCreateBody,
  AgreementEditBody,
  AssessmentBody,
  FeedbackBody,
  FlaggedPairsResponse,
  MyPairsResponse,
  PairDashboardResponse,
  PairResponse,
  PrivateNoteResponse,
  SessionCreateBody,
} from '../contracts/pairs';
import type { Clock } from '../domain/clock';
import { DomainError, isDomainError } from '../domain/errors';
import type { MatchProposal } from '../domain/match-proposal';
import { localDay } from '../domain/local-day';
import { editAgreement, isAgreementSigned, signAgreement } from '../domain/pair/agreement';
import { transitionPair, type PairEvent } from '../domain/pair/lifecycle';
import { isMember, isPairClosed, partnerOf, roleIn } from '../domain/pair/membership';
import type {
  AgreementChanges,
  MemberSnapshot,
  Pair,
  PairMembers,
  SessionStatus,
} from '../domain/pair/schema';
import { nextSession } from '../domain/pair/sessions';
import { newPair } from '../domain/pair/creation';
import { giveFeedback, recordAssessment, sessionsAwaitingFeedback } from '../domain/pair/feedback';
import {
  addActionItem,
  editSessionNotes,
  planSession,
  setActionItemDone,
  setSessionStatus,
} from '../domain/pair/sessions';
import { writePrivateNote, type NotebookNote } from '../domain/pair/private-notes';
import type { Versioned } from '../domain/versioned';
import type { NoteRepository } from '../store/note-repository';
import type { PairRepository } from '../store/pair-repository';
import type { ProfileRepository } from '../store/profile-repository';
import type { ProgrammeRepository } from '../store/programme-repository';
import type { ApprovalRequests } from './approval-service';
import type { Principal } from './auth/principal';
import type { OrgDirectory } from './org-directory';
import { myPairItem, pairViewFor, privateNoteView } from './pair-view';
import { canManage } from './programme-service';

export type PairServiceDeps = {
  pairs: PairRepository;
  notes: NoteRepository;
  programmes: ProgrammeRepository;
  profiles: ProfileRepository;
  directory: OrgDirectory;
  clock: Clock;
  /**
   * Manager approval (src/services/approval-service.ts): asked when both members signed a pair
   * whose programme requires it.
   */
  approvals: ApprovalRequests;
  newId?: () => string;
  /**
   * Told after a member paused, completed or ended the pair: the calendar cancels the rest of the
   * pair's series (src/services/calendar/pair-calendar-service.ts). True when it changed the pair.
   */
  afterClose?: (tenantId: string, pairId: string) => Promise<boolean>;
  /** The chat messages queued for the pair (reminders, nudges): a pause cancels them. */
  notifications: PairNotifications;
};

/** What the pair service asks of the notification queue (src/store/notification-repository.ts). */
export interface PairNotifications {
  /** Cancels every notification of the pair still waiting to be sent; returns how many. */
  cancelPending(tenantId: string, pairId: string): Promise<number>;
}

/** The caller's next session across their open pairs (the chat's "next session"). */
export type NextSessionAnswer =
  | {
      kind: 'session';
      partnerName: string;
      startsAt: string;
      durationMinutes: number;
      /** The caller's time zone, to say the time in. */
      timeZone: string;
      topic?: string;
    }
  | { kind: 'none_planned'; partnerName: string }
  | { kind: 'no_pair' };

export type PauseAnswer =
  | { kind: 'paused'; until: string; timeZone: string; partnerNames: string[] }
  | { kind: 'nothing_to_pause' };

export type ResumeAnswer = { kind: 'resumed'; partnerNames: string[] } | { kind: 'not_paused' };

/** A session waiting for the caller's feedback. */
export type FeedbackRequest = {
  tenantId: string;
  pairId: string;
  sessionId: string;
  partnerName: string;
  /** The session's day in the caller's time zone, `YYYY-MM-DD`. */
  day: string;
};

type Change = { pair: Pair; changed: boolean };

const dayMs = 24 * 60 * 60 * 1000;

/** Open pairs in the order the chat answers about them: the running ones first. */
const chatOrder = ['active', 'paused', 'awaiting_approval', 'accepted', 'proposed'];

/**
 * How a write treats the caller's version. `edit`: shared text, the version is required and must be
 * current. `move`: idempotent or caller-owned changes; a version is optional, a no-op always succeeds.
 */
type WriteMode = 'edit' | 'move';

const maxAttempts = 5;

/**
 * The pair's journey for its two members: dashboard, agreement, sessions, notes, feedback,
 * self-assessments and lifecycle. Only members read or write a pair; anyone else gets
 * `pair_not_found`. Private notes are read and written by their author only.
 */
export class PairService {
  constructor(private readonly deps: PairServiceDeps) {}

  /** The caller's pairs: open ones first, then most recently updated. One query. */
  async mine(principal: Principal): Promise<MyPairsResponse> {
    const pairs = await this.deps.pairs.ofPerson(principal.tenantId, principal.personId);
    const items = pairs.map((p) => myPairItem(p.value, principal.personId, this.deps.clock));
    const rank = (state: string) => (state === 'completed' || state === 'ended' ? 1 : 0);
    items.sort((a, b) => rank(a.state) - rank(b.state) || b.updatedAt.localeCompare(a.updatedAt));
    return { pairs: items };
  }

  /**
   * The dashboard: two point reads run together, the pair and the caller's own private notebook
   * (2 Cosmos requests, about 2 RU).
   */
  async dashboard(principal: Principal, pairId: string): Promise<PairDashboardResponse> {
    const [found, notebook] = await Promise.all([
      this.deps.pairs.find(principal.tenantId, pairId),
      // The caller's own notebook, by id: another member's notes never leave the store.
      this.deps.notes.notebookOf(principal.tenantId, pairId, principal.personId),
    ]);
    const loaded = await this.withMembers(this.requireMember(principal, pairId, found));
    return {
      ...this.response(principal, loaded),
      privateNotes: (notebook?.value.notes ?? [])
        .map(privateNoteView)
        .sort((a, b) => a.sessionId.localeCompare(b.sessionId)),
    };
  }

  /** Edit the agreement (only the fields given); a real change asks both to sign again. */
  async editAgreement(
    principal: Principal,
    pairId: string,
    body: AgreementEditBody,
    version: string | undefined,
  ): Promise<PairResponse> {
    const { version: _ignored, ...fields } = body;
    const changes: AgreementChanges = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) Object.assign(changes, { [key]: value });
    }
    return this.write(principal, pairId, version, 'edit', (pair) =>
      editAgreement(pair, principal.personId, changes, this.deps.clock),
    );
  }

  /**
   * Sign the revision the caller read. When both have signed an accepted pair, in the same write:
   * - the programme needs no manager approval: the pair becomes active;
   * - it does: the pair awaits approval, each member's manager is asked, and the pair records
   *   where the requests stand (`pair.approvals`, for its dashboard). Nobody to ask (no
   *   member has a manager in the directory: the top of the organisation, people imported without
   *   one): the pair becomes active at once rather than wait for a decision nobody can take.
   * A pair already awaiting approval whose members sign a new revision (after a decline, say)
   * asks each manager again unless they approved the same time (sessions, duration, frequency);
   * a request still pending for the older revision is superseded by the new one, so no manager
   * decides the time of an agreement the pair replaced (`ApprovalService.requestFor`).
   * The requests are made before the pair is written: if that write fails the signature can be
   * given again and the requests, whose ids are fixed by pair, person and revision, are not made
   * twice; a request whose pair never got to `awaiting_approval` is neither listed nor decidable.
   */
  async sign(
    principal: Principal,
    pairId: string,
    revision: number,
    version: string | undefined,
  ): Promise<PairResponse> {
    let approvalRequired: boolean | undefined;
    const needsApproval = async (pair: Pair) => {
      approvalRequired ??=
        (await this.deps.programmes.find(pair.tenantId, pair.programmeId))?.value
          .managerApprovalRequired ?? true;
      return approvalRequired;
    };
    return this.write(
      principal,
      pairId,
      version,
      'move',
      (pair) => {
        if (pair.agreement.revision !== revision) {
          throw this.conflictMarker(
            `The agreement changed (revision ${pair.agreement.revision}) since you read revision ${revision}; read it again before signing`,
          );
        }
        const signed = signAgreement(pair, principal.personId, this.deps.clock);
        return { pair: signed.pair, changed: signed.changed };
      },
      async (pair) => {
        if (!isAgreementSigned(pair.agreement)) return pair;
        if (pair.state === 'awaiting_approval') {
          return this.deps.approvals.askManagers(pair, principal.personId);
        }
        if (pair.state !== 'accepted') return pair;
        const ask =
          (await needsApproval(pair)) && (await this.deps.approvals.anyManagerToAsk(pair));
        const asked = ask ? await this.deps.approvals.askManagers(pair, principal.personId) : pair;
        return transitionPair(
          asked,
          ask ? { type: 'request_approval' } : { type: 'activate', managerApprovalRequired: false },
          principal.personId,
          this.deps.clock,
        ).pair;
      },
    );
  }

  /** Plan a session by hand. */
  async planSession(
    principal: Principal,
    pairId: string,
    body: SessionCreateBody,
  ): Promise<PairResponse> {
    const id = this.newId('session');
    return this.write(principal, pairId, body.version, 'move', (pair) =>
      planSession(
        pair,
        {
          id,
          start: body.start,
          ...(body.durationMinutes !== undefined ? { durationMinutes: body.durationMinutes } : {}),
          ...(body.agenda !== undefined ? { agenda: body.agenda } : {}),
        },
        principal.personId,
        this.deps.clock,
      ),
    );
  }

  /** Held, missed (once started) or cancelled. */
  async setSessionStatus(
    principal: Principal,
    pairId: string,
    sessionId: string,
    status: SessionStatus,
    version: string | undefined,
  ): Promise<PairResponse> {
    return this.write(principal, pairId, version, 'move', (pair) =>
      setSessionStatus(pair, sessionId, status, principal.personId, this.deps.clock),
    );
  }

  /** Agenda and shared notes: shared text, so the version is required. */
  async editSessionNotes(
    principal: Principal,
    pairId: string,
    sessionId: string,
    changes: { agenda?: string; sharedNotes?: string },
    version: string | undefined,
  ): Promise<PairResponse> {
    return this.write(principal, pairId, version, 'edit', (pair) =>
      editSessionNotes(pair, sessionId, changes, principal.personId, this.deps.clock),
    );
  }

  async addActionItem(
    principal: Principal,
    pairId: string,
    sessionId: string,
    body: ActionItemCreateBody,
  ): Promise<PairResponse> {
    const id = body.id ?? this.newId('action');
    return this.write(principal, pairId, body.version, 'move', (pair) =>
      addActionItem(
        pair,
        sessionId,
        {
          id,
          text: body.text,
          ownerId: body.ownerId,
          ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
        },
        principal.personId,
        this.deps.clock,
      ),
    );
  }

  async setActionItemDone(
    principal: Principal,
    pairId: string,
    sessionId: string,
    itemId: string,
    done: boolean,
    version: string | undefined,
  ): Promise<PairResponse> {
    return this.write(principal, pairId, version, 'move', (pair) =>
      setActionItemDone(pair, sessionId, itemId, done, principal.personId, this.deps.clock),
    );
  }

  /** The caller's feedback to their partner on a session; both poor fits flag the pair. */
  async giveFeedback(
    principal: Principal,
    pairId: string,
    sessionId: string,
    body: FeedbackBody,
  ): Promise<PairResponse> {
    return this.write(principal, pairId, body.version, 'move', (pair) =>
      giveFeedback(
        pair,
        sessionId,
        principal.personId,
        {
          rating: body.rating,
          worked: body.worked,
          suggestion: body.suggestion,
          ...(body.pairingFit !== undefined ? { pairingFit: body.pairingFit } : {}),
        },
        this.deps.clock,
      ),
    );
  }

  /** The caller's level on one of their goals at one phase. */
  async recordAssessment(
    principal: Principal,
    pairId: string,
    body: AssessmentBody,
  ): Promise<PairResponse> {
    return this.write(principal, pairId, body.version, 'move', (pair) => {
      const role = roleIn(pair, principal.personId);
      const goals = role === 'mentor' ? pair.agreement.mentorGoals : pair.agreement.menteeGoals;
      const goal = body.goal.trim();
      if (!goals.some((g) => g.trim() === goal)) {
        throw new DomainError(
          'validation_failed',
          `"${goal}" is not one of your goals in the agreement`,
          {
            issues: [
              { path: 'goal', message: `goal must be one of your goals: ${goals.join(', ')}` },
            ],
          },
        );
      }
      return recordAssessment(
        pair,
        principal.personId,
        { phase: body.phase, goal, level: body.level },
        this.deps.clock,
      );
    });
  }

  /** Pause, resume, complete or end early: idempotent state moves. */
  async transition(
    principal: Principal,
    pairId: string,
    event: Extract<PairEvent, { type: 'pause' | 'resume' | 'complete' | 'end' }>,
    version: string | undefined,
  ): Promise<PairResponse> {
    const normalised =
      event.type === 'pause' && /^\d{4}-\d{2}-\d{2}$/.test(event.until)
        ? { ...event, until: `${event.until}T00:00:00.000Z` }
        : event;
    if (normalised.type === 'pause' && Number.isNaN(new Date(normalised.until).getTime())) {
      throw new DomainError('validation_failed', 'until must be a date or a date-time', {
        issues: [{ path: 'until', message: 'until must be a date (YYYY-MM-DD) or a date-time' }],
      });
    }
    const response = await this.write(principal, pairId, version, 'move', (pair) =>
      transitionPair(pair, normalised, principal.personId, this.deps.clock),
    );
    // A paused pair gets no reminders or nudges: what was queued before the pause is dropped (the
    // planner queues nothing for a paused pair, and plans afresh once it is resumed). Repeated on
    // a repeated pause, so that a queue write lost the first time is made up.
    if (response.pair.state === 'paused') {
      await this.deps.notifications.cancelPending(principal.tenantId, pairId);
    }
    const closed = ['paused', 'completed', 'ended'].includes(response.pair.state);
    if (!closed || !this.deps.afterClose) return response;
    // The sessions it cancelled are part of the answer (and its version).
    if (!(await this.deps.afterClose(principal.tenantId, pairId))) return response;
    return this.response(principal, await this.deps.pairs.get(principal.tenantId, pairId));
  }

  /**
   * Pauses every active pair of the caller for `days` days through `transition` (the chat's
   * "pause"): the same effect as pausing each one from the tab.
   */
  async pauseMine(principal: Principal, days: number): Promise<PauseAnswer> {
    const active = (await this.openPairs(principal)).filter((pair) => pair.state === 'active');
    if (active.length === 0) return { kind: 'nothing_to_pause' };
    const until = new Date(this.deps.clock.now().getTime() + days * dayMs).toISOString();
    const partnerNames: string[] = [];
    for (const pair of active) {
      await this.transition(principal, pair.id, { type: 'pause', until }, undefined);
      partnerNames.push(await this.partnerName(pair, principal.personId));
    }
    return { kind: 'paused', until, timeZone: await this.timeZoneOf(principal), partnerNames };
  }

  /** Resumes every paused pair of the caller through `transition` (the chat's "resume"). */
  async resumeMine(principal: Principal): Promise<ResumeAnswer> {
    const paused = (await this.openPairs(principal)).filter((pair) => pair.state === 'paused');
    if (paused.length === 0) return { kind: 'not_paused' };
    const partnerNames: string[] = [];
    for (const pair of paused) {
      await this.transition(principal, pair.id, { type: 'resume' }, undefined);
      partnerNames.push(await this.partnerName(pair, principal.personId));
    }
    return { kind: 'resumed', partnerNames };
  }

  /** The soonest planned session of the caller's open pairs. */
  async nextSession(principal: Principal): Promise<NextSessionAnswer> {
    const pairs = await this.openPairs(principal);
    const [first] = pairs;
    if (!first) return { kind: 'no_pair' };
    const upcoming = pairs
      .map((pair) => ({ pair, session: nextSession(pair, this.deps.clock) }))
      .filter((x) => x.session !== undefined)
      .sort((a, b) => (a.session?.start ?? '').localeCompare(b.session?.start ?? ''))[0];
    const timeZone = await this.timeZoneOf(principal);
    if (!upcoming?.session) {
      return {
        kind: 'none_planned',
        partnerName: await this.partnerName(first, principal.personId),
      };
    }
    const { pair, session } = upcoming;
    return {
      kind: 'session',
      partnerName: await this.partnerName(pair, principal.personId),
      startsAt: session.start,
      durationMinutes: session.durationMinutes,
      timeZone,
      ...(pair.agreement.subject ? { topic: pair.agreement.subject } : {}),
    };
  }

  /**
   * The given session (`not_pair_member` when the caller is not in the pair; undefined when the
   * pair or session is gone), or else the latest session of the caller's open pairs still waiting
   * for their feedback.
   */
  async feedbackRequest(
    principal: Principal,
    wanted?: { pairId: string; sessionId: string },
  ): Promise<FeedbackRequest | undefined> {
    const timeZone = await this.timeZoneOf(principal);
    if (wanted?.pairId && wanted.sessionId) {
      const found = await this.deps.pairs.find(principal.tenantId, wanted.pairId);
      if (!found) return undefined;
      roleIn(found.value, principal.personId);
      const session = found.value.sessions.find((s) => s.id === wanted.sessionId);
      if (!session) return undefined;
      return this.feedbackRequestFor(found.value, session.start, session.id, principal, timeZone);
    }
    const candidates = (await this.openPairs(principal)).flatMap((pair) =>
      sessionsAwaitingFeedback(pair, principal.personId, this.deps.clock).map((session) => ({
        pair,
        session,
      })),
    );
    const latest = candidates.sort((a, b) => b.session.start.localeCompare(a.session.start))[0];
    if (!latest) return undefined;
    return this.feedbackRequestFor(
      latest.pair,
      latest.session.start,
      latest.session.id,
      principal,
      timeZone,
    );
  }

  /**
   * Save the caller's private note on a session. `version` is the note's own (from
   * `PrivateNoteView.version`); a stale one is `version_conflict` with the current note. Notes on
   * other sessions saved meanwhile (another window) never conflict.
   */
  async savePrivateNote(
    principal: Principal,
    pairId: string,
    sessionId: string,
    text: string,
    version: string | undefined,
  ): Promise<PrivateNoteResponse> {
    const found = await this.deps.pairs.find(principal.tenantId, pairId);
    const pair = this.requireMember(principal, pairId, found).value;
    if (!pair.sessions.some((s) => s.id === sessionId)) {
      throw new DomainError('not_found', `Session ${sessionId} is not part of this pair`, {
        pairId,
        sessionId,
      });
    }
    let expectedRevision: number | undefined;
    if (version !== undefined) {
      expectedRevision = /^\d+$/.test(version) ? Number(version) : -1;
    }
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.notes.notebookOf(
        principal.tenantId,
        pairId,
        principal.personId,
      );
      let written;
      try {
        written = writePrivateNote(
          stored?.value,
          {
            tenantId: principal.tenantId,
            pairId,
            authorId: principal.personId,
            sessionId,
            text,
            ...(expectedRevision !== undefined ? { expectedRevision } : {}),
          },
          this.deps.clock,
        );
      } catch (error) {
        if (isDomainError(error, 'version_conflict') && error.details?.current) {
          const current = error.details.current as NotebookNote;
          throw new DomainError('version_conflict', error.message, {
            sessionId,
            current: { note: privateNoteView(current) },
          });
        }
        throw error;
      }
      if (!written.changed) return { note: privateNoteView(written.note) };
      try {
        if (stored) await this.deps.notes.replace(written.notebook, stored.etag);
        else await this.deps.notes.create(written.notebook);
        return { note: privateNoteView(written.note) };
      } catch (error) {
        // Another window saved a note meanwhile: re-apply on the latest notebook.
        const raced =
          isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists');
        if (!raced || attempt >= maxAttempts) throw error;
      }
    }
  }

  /** A lead's list of the programme's pairs flagged for re-pairing. One query. */
  async flagged(principal: Principal, programmeId: string): Promise<FlaggedPairsResponse> {
    const programme = await this.deps.programmes.get(principal.tenantId, programmeId);
    if (!canManage(principal, programme.value)) {
      throw new DomainError('forbidden', 'Only a lead of this programme may see flagged pairs.', {
        programmeId,
      });
    }
    const pairs = await this.deps.pairs.query(principal.tenantId, {
      where: 'c.programmeId = @programmeId AND IS_DEFINED(c.leadFlag)',
      parameters: [{ name: '@programmeId', value: programmeId }],
    });
    return {
      pairs: pairs
        .map(({ value: pair }) => ({
          id: pair.id,
          state: pair.state,
          mentor: {
            personId: pair.mentorId,
            displayName: pair.members?.mentor.displayName ?? pair.mentorId,
          },
          mentee: {
            personId: pair.menteeId,
            displayName: pair.members?.mentee.displayName ?? pair.menteeId,
          },
          subject: pair.agreement.subject,
          reason: pair.leadFlag?.reason ?? 'poor_fit_both_sides',
          flaggedAt: pair.leadFlag?.at ?? pair.updatedAt,
          sessionsHeld: pair.sessions.filter((s) => s.status === 'held').length,
        }))
        .sort((a, b) => b.flaggedAt.localeCompare(a.flaggedAt)),
    };
  }

  /**
   * The pair born from a proposal (both accepted, or still open), with both members' display
   * data copied in and the agreement's frame prefilled from the programme. Idempotent per proposal:
   * the pair's id is derived from it, and creating it again returns the stored pair.
   */
  async createFromProposal(
    proposal: MatchProposal,
    options: { subject?: string; confidentiality?: string } = {},
  ): Promise<Versioned<Pair>> {
    const id = pairIdFor(proposal.id);
    const existing = await this.deps.pairs.find(proposal.tenantId, id);
    if (existing) return existing;
    const [programme, members] = await Promise.all([
      this.deps.programmes.get(proposal.tenantId, proposal.programmeId),
      this.membersOf(proposal.tenantId, proposal.mentorId, proposal.menteeId),
    ]);
    const pair = newPair(
      { id, proposal, frame: programme.value.frame, members, ...options },
      this.deps.clock,
    );
    try {
      return await this.deps.pairs.create(pair);
    } catch (error) {
      if (!isDomainError(error, 'already_exists')) throw error;
      return this.deps.pairs.get(proposal.tenantId, id);
    }
  }

  /** Display data of both members, from the org directory and their profiles. */
  async membersOf(tenantId: string, mentorId: string, menteeId: string): Promise<PairMembers> {
    const [mentor, mentee] = await Promise.all([
      this.snapshotOf(tenantId, mentorId),
      this.snapshotOf(tenantId, menteeId),
    ]);
    return { mentor, mentee };
  }

  private async snapshotOf(tenantId: string, personId: string): Promise<MemberSnapshot> {
    const [person, profile, photoUrl] = await Promise.all([
      this.deps.directory.person(tenantId, personId),
      this.deps.profiles.find(tenantId, personId),
      this.deps.directory.photoUrl(tenantId, personId),
    ]);
    if (!person) {
      throw new DomainError('person_not_found', `Person ${personId} was not found`, {
        id: personId,
      });
    }
    return {
      displayName: person.displayName,
      jobTitle: person.jobTitle,
      department: person.department,
      languages: profile?.value.languages ?? [person.preferredLocale],
      timeZone: profile?.value.timeZone ?? person.timeZone,
      photoUrl,
    };
  }

  /** The caller's pairs that are not closed, in `chatOrder`. One query. */
  private async openPairs(principal: Principal): Promise<Pair[]> {
    const pairs = await this.deps.pairs.ofPerson(principal.tenantId, principal.personId);
    return pairs
      .map((p) => p.value)
      .filter((pair) => !isPairClosed(pair))
      .sort((a, b) => chatOrder.indexOf(a.state) - chatOrder.indexOf(b.state));
  }

  private async feedbackRequestFor(
    pair: Pair,
    start: string,
    sessionId: string,
    principal: Principal,
    timeZone: string,
  ): Promise<FeedbackRequest> {
    return {
      tenantId: pair.tenantId,
      pairId: pair.id,
      sessionId,
      partnerName: await this.partnerName(pair, principal.personId),
      day: localDay(start, timeZone),
    };
  }

  /** The partner's name in the directory (their id when they left it). */
  private async partnerName(pair: Pair, personId: string): Promise<string> {
    const partnerId = partnerOf(pair, personId);
    return (await this.deps.directory.person(pair.tenantId, partnerId))?.displayName ?? partnerId;
  }

  private async timeZoneOf(principal: Principal): Promise<string> {
    return (
      (await this.deps.directory.person(principal.tenantId, principal.personId))?.timeZone ?? 'UTC'
    );
  }

  /** Pairs stored before the members snapshot existed get it once, on their next load. */
  private async withMembers(loaded: Versioned<Pair>): Promise<Versioned<Pair>> {
    if (loaded.value.members) return loaded;
    const pair = loaded.value;
    const members = await this.membersOf(pair.tenantId, pair.mentorId, pair.menteeId);
    try {
      return await this.deps.pairs.replace({ ...pair, members }, loaded.etag);
    } catch (error) {
      if (!isDomainError(error, 'version_conflict')) throw error;
      return this.deps.pairs.get(pair.tenantId, pair.id);
    }
  }

  /**
   * Read, check membership, apply, write with the ETag read. See `WriteMode`; `after` may add a
   * consequence to a real change (activation on the second signature).
   */
  private async write(
    principal: Principal,
    pairId: string,
    version: string | undefined,
    mode: WriteMode,
    apply: (pair: Pair) => Change,
    after?: (pair: Pair) => Promise<Pair>,
  ): Promise<PairResponse> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.deps.pairs.find(principal.tenantId, pairId);
      const current = await this.withMembers(this.requireMember(principal, pairId, found));
      if (mode === 'edit' && version === undefined) {
        throw this.conflict(
          principal,
          current,
          'Send the version you edited (If-Match) so that nobody’s changes are overwritten',
        );
      }
      let result: Change;
      try {
        result = apply(current.value);
      } catch (error) {
        if (error instanceof ConflictMarker) throw this.conflict(principal, current, error.message);
        throw error;
      }
      if (!result.changed) return this.response(principal, current);
      if (version !== undefined && version !== current.etag) {
        throw this.conflict(
          principal,
          current,
          'Your partner changed the pair since you loaded it; reload (what you typed is kept) and try again',
        );
      }
      const next = after ? await after(result.pair) : result.pair;
      try {
        return this.response(principal, await this.deps.pairs.replace(next, current.etag));
      } catch (error) {
        if (!isDomainError(error, 'version_conflict')) throw error;
        if (version !== undefined || attempt >= maxAttempts) {
          const latest = await this.deps.pairs.get(principal.tenantId, pairId);
          throw this.conflict(
            principal,
            latest,
            'Your partner saved a change at the same moment; reload (what you typed is kept) and try again',
          );
        }
      }
    }
  }

  private requireMember(
    principal: Principal,
    pairId: string,
    found: Versioned<Pair> | undefined,
  ): Versioned<Pair> {
    // Same answer for "absent" and "not yours": a pair's existence is not disclosed.
    if (!found || !isMember(found.value, principal.personId)) {
      throw new DomainError('pair_not_found', `Pair ${pairId} was not found`, { id: pairId });
    }
    return found;
  }

  private response(principal: Principal, pair: Versioned<Pair>): PairResponse {
    return {
      pair: pairViewFor(pair.value, principal.personId, this.deps.clock),
      version: pair.etag,
    };
  }

  private conflict(principal: Principal, current: Versioned<Pair>, message: string): DomainError {
    return new DomainError('version_conflict', message, {
      id: current.value.id,
      current: this.response(principal, current),
    });
  }

  private conflictMarker(message: string): ConflictMarker {
    return new ConflictMarker(message);
  }

  private newId(prefix: string): string {
    return this.deps.newId?.() ?? `${prefix}-${randomUUID()}`;
  }
}

/** Raised inside an `apply` to turn into a `version_conflict` carrying the current pair. */
class ConflictMarker extends Error {}

/** The id of the pair born from a proposal. */
export function pairIdFor(proposalId: string): string {
  return `pair-${proposalId}`;
}
