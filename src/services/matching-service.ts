import { randomUUID } from 'node:crypto';
import type {
  MatchingReviewResponse,
  MatchingRunResponse,
  MyProposal,
  MyProposalsResponse,
  MyUnmatched,
  PairBody,
  PublishResponse,
  ReviewPair,
  ReviewPerson,
  ReviewProposal,
  VolunteersResponse,
} from '../contracts/matching';
import type { Clock } from '../domain/clock';
import type { Locale, LocalizedText } from '../domain/common';
import { DomainError, isDomainError } from '../domain/errors';
import {
  answerProposal,
  expireProposal,
  isProposalExpired,
  proposalExpiry,
  proposalSideOf,
  supersedeProposal,
  type MatchProposal,
  type ProposalAnswer,
} from '../domain/match-proposal';
import { prepareCohort } from '../domain/matching/cohort';
import { evaluatePair } from '../domain/matching/pair-evaluation';
import { pairReasons } from '../domain/matching/reasons';
import { displayScore } from '../domain/matching/scoring';
import { cancelNotification, notificationKey, type Notification } from '../domain/notification';
import { isPairClosed, type Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import { isAvailableForMatching, type Profile } from '../domain/profile';
import { isProgrammeLead, type Programme } from '../domain/programme';
import type { MatchingOptions, MatchingResult, RoundInfo } from '../matching/engine';
import type { Versioned } from '../domain/versioned';
import {
  MatchingLockRepository,
  type MatchingLockDocument,
  type MatchingRunDocument,
  type MatchingRunRepository,
} from '../store/job-repository';
import type { NotificationRepository } from '../store/notification-repository';
import type { PairRepository } from '../store/pair-repository';
import type { PeopleRepository } from '../store/people-repository';
import type { ProfileRepository } from '../store/profile-repository';
import type { ProgrammeRepository } from '../store/programme-repository';
import type { ProposalRepository, StoredProposal } from '../store/proposal-repository';
import type { Principal } from './auth/principal';
import {
  buildMatchingInput,
  localizeReason,
  type PairIds,
  type PoolMember,
} from './matching/matching-input';
import { solveCohort } from './matching/matching-runner';

export type MatchingServiceDeps = {
  programmes: ProgrammeRepository;
  profiles: ProfileRepository;
  people: PeopleRepository;
  proposals: ProposalRepository;
  runs: MatchingRunRepository;
  locks: MatchingLockRepository;
  pairs: PairRepository;
  /** Creates the pair once both accepted (the pair service: members snapshot, frame). */
  pairCreator: PairCreator;
  /** Where the Teams messages for published proposals are queued (none queued without it). */
  notifications?: Pick<NotificationRepository, 'schedule' | 'update'>;
  clock: Clock;
  log: (message: string, error: unknown) => void;
  newId?: (prefix: string) => string;
  /** How long a run holds its programme before another may take over (a crashed instance). */
  leaseMs?: number;
  engine?: MatchingOptions;
  /** Participants² above which the engine runs on a worker thread (matching-runner.ts). */
  offThreadPairLimit?: number;
};

/** Makes the pair of an accepted proposal; idempotent per proposal. */
export interface PairCreator {
  createFromProposal(proposal: MatchProposal): Promise<Versioned<Pair>>;
}

/** Which page of each list the lead is looking at (a 50,000-person review is pages, not one list). */
export type ReviewView = { page?: number; unmatchedPage?: number; pageSize?: number };
const defaultPageSize = 100;

/** The review lists at most this many unmatched people (the run document stays far below 2 MB). */
const unmatchedCap = 2000;
// Short, and renewed while the run goes on: a run lost in a restart frees its programme in a minute.
const defaultLeaseMs = 60 * 1000;
const parallelWrites = 16;
/** Unmatched reasons that speak of the lead's blocks or to the lead: not shown to the person. */
const leadOnlyReasons = new Set(['blocked', 'blocked_by_lead', 'unblocked_by_lead']);

type Trigger = MatchingRunDocument['trigger'];
type Snapshot = {
  programme: Programme;
  active: Profile[];
  directory: Map<string, Person>;
  proposals: Versioned<StoredProposal>[];
  carried: PairIds[];
  replaced: Versioned<StoredProposal>[];
  blocks: PairIds[];
  /** Partners from earlier pairs (ended, completed, or of another programme): never again. */
  pastPartners: Map<string, string[]>;
};

const key = (p: PairIds) => `${p.mentorId}\u0000${p.menteeId}`;

/**
 * The matching flow: background runs (one at a time per programme, leased in the jobs container),
 * the lead's review (accept all, swap, pin, block, rerun, publish) and each person's answer, with
 * the next best proposal after a decline or an expiry and the pair created once both accept.
 */
export class MatchingService {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: MatchingServiceDeps) {}

  // ------------------------------------------------------------------------------------------
  // Runs

  /** Starts a run for the lead, or returns the one already under way (a double click starts one). */
  async startRun(principal: Principal, programmeId: string): Promise<MatchingRunResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    if (programme.status === 'draft' || programme.status === 'closed') {
      throw new DomainError(
        'invalid_transition',
        `Matching needs an open programme; this one is ${programme.status}.`,
        { entity: 'programme', id: programmeId, from: programme.status, to: 'matching' },
      );
    }
    const { run } = await this.start(principal.tenantId, programmeId, 'lead', principal.personId);
    return this.runView(run);
  }

  /** A run's progress and outcome. */
  async getRun(
    principal: Principal,
    programmeId: string,
    runId: string,
  ): Promise<MatchingRunResponse> {
    await this.managed(principal, programmeId);
    const found = await this.deps.runs.find(principal.tenantId, runId);
    if (!found || found.value.programmeId !== programmeId) {
      throw new DomainError('not_found', `Matching run ${runId} was not found`, { runId });
    }
    return this.runView(await this.settleStale(found.value));
  }

  /** Waits for the runs this instance is executing (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async start(
    tenantId: string,
    programmeId: string,
    trigger: Trigger,
    requestedBy: string,
  ): Promise<{ run: MatchingRunDocument; started: boolean }> {
    const now = this.now();
    const run: MatchingRunDocument = {
      id: this.newId('run'),
      tenantId,
      kind: 'matching_run',
      programmeId,
      trigger,
      status: 'queued',
      phase: 'queued',
      progress: 0,
      requestedBy,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      error: null,
      summary: null,
      unmatched: [],
      unmatchedTotal: 0,
      warnings: [],
    };
    await this.deps.runs.create(run);
    const held = await this.acquire(tenantId, programmeId, run.id, trigger);
    if (held !== run.id) {
      await this.deps.runs.delete(tenantId, run.id).catch(() => undefined);
      const active = await this.deps.runs.find(tenantId, held);
      if (active) return { run: active.value, started: false };
      throw new DomainError('version_conflict', 'Another matching run is starting; try again.', {
        programmeId,
      });
    }
    this.launch(run);
    return { run, started: true };
  }

  /** Takes the programme's lock for `runId`; returns the run that holds it (maybe another). */
  private async acquire(
    tenantId: string,
    programmeId: string,
    runId: string,
    trigger: Trigger,
  ): Promise<string> {
    const id = MatchingLockRepository.idFor(programmeId);
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await this.deps.locks.find(tenantId, id);
      const now = this.deps.clock.now();
      try {
        if (current && this.isHeld(current.value, now)) {
          if (trigger === 'repair' && !current.value.repairPending) {
            // People were freed while a run holds the programme: repair as soon as it ends.
            await this.deps.locks.replace(
              { ...current.value, repairPending: true, updatedAt: now.toISOString() },
              current.etag,
            );
          }
          return current.value.runId!;
        }
        const next: MatchingLockDocument = {
          id,
          tenantId,
          kind: 'matching_lock',
          programmeId,
          runId,
          leaseUntil: new Date(now.getTime() + this.leaseMs()).toISOString(),
          repairPending: false,
          updatedAt: now.toISOString(),
        };
        if (current) await this.deps.locks.replace(next, current.etag);
        else await this.deps.locks.create(next);
        return runId;
      } catch (error) {
        if (isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists')) {
          continue;
        }
        throw error;
      }
    }
    throw new DomainError('version_conflict', 'The programme is busy; try again.', { programmeId });
  }

  /** Keeps the programme held by a run that is still going. */
  private async renewLease(tenantId: string, programmeId: string, runId: string): Promise<void> {
    await this.deps.locks.update(tenantId, MatchingLockRepository.idFor(programmeId), (lock) =>
      lock.runId === runId
        ? {
            ...lock,
            leaseUntil: new Date(this.deps.clock.now().getTime() + this.leaseMs()).toISOString(),
            updatedAt: this.now(),
          }
        : lock,
    );
  }

  /** Frees the programme; true when people freed during the run wait for a repair run. */
  private async release(tenantId: string, programmeId: string, runId: string): Promise<boolean> {
    let pending = false;
    await this.deps.locks.update(tenantId, MatchingLockRepository.idFor(programmeId), (lock) => {
      if (lock.runId !== runId) return lock;
      pending = lock.repairPending;
      return {
        ...lock,
        runId: null,
        leaseUntil: null,
        repairPending: false,
        updatedAt: this.now(),
      };
    });
    return pending;
  }

  private isHeld(lock: MatchingLockDocument, now: Date): boolean {
    return lock.runId !== null && lock.leaseUntil !== null && lock.leaseUntil > now.toISOString();
  }

  private async activeRunId(tenantId: string, programmeId: string): Promise<string | null> {
    const lock = await this.deps.locks.find(tenantId, MatchingLockRepository.idFor(programmeId));
    return lock && this.isHeld(lock.value, this.deps.clock.now()) ? lock.value.runId : null;
  }

  private async assertIdle(tenantId: string, programmeId: string): Promise<void> {
    const runId = await this.activeRunId(tenantId, programmeId);
    if (runId) {
      throw new DomainError(
        'invalid_transition',
        'A matching run is under way: wait for it to finish.',
        { entity: 'programme', id: programmeId, runId },
      );
    }
  }

  private launch(run: MatchingRunDocument): void {
    // The request that started the run returns first; the run goes on in the background.
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.execute(run))
      .catch((error: unknown) => this.deps.log(`matching run ${run.id} failed`, error))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private async execute(run: MatchingRunDocument): Promise<void> {
    const { tenantId, programmeId } = run;
    const heartbeat = setInterval(() => {
      this.renewLease(tenantId, programmeId, run.id).catch((error: unknown) =>
        this.deps.log(`matching run ${run.id}: renewing its lease`, error),
      );
    }, this.leaseMs() / 3);
    heartbeat.unref();
    try {
      await this.progress(run, { status: 'running', phase: 'loading', progress: 5 });
      const snapshot = await this.load(tenantId, programmeId, run.trigger);
      await this.progress(run, { phase: 'solving', progress: 20 });
      // Large cohorts are solved in pricing rounds (a worker thread reports each): the first ends
      // after the bulk of the work, each further one narrows the gap to the bound.
      let reported = Promise.resolve();
      const onRound = (info: RoundInfo) => {
        reported = reported
          .then(() =>
            this.deps.runs.update(tenantId, run.id, (doc) => ({
              ...doc,
              progress: Math.max(doc.progress, Math.min(58, 40 + 6 * info.round)),
              solving: {
                round: info.round + 1,
                gapPct: Math.round(info.gapPct * 100) / 100,
                elapsedMs: Math.round(info.elapsedMs),
              },
              updatedAt: this.now(),
            })),
          )
          .then(
            () => undefined,
            (error: unknown) => this.deps.log(`matching run ${run.id}: reporting progress`, error),
          );
      };
      const outcome = await this.solve(snapshot, onRound);
      await reported;
      await this.progress(run, { phase: 'saving', progress: 60 });
      const created = await this.save(run, snapshot, outcome.result, (done, total) =>
        this.progress(run, { progress: 60 + Math.floor((35 * done) / Math.max(1, total)) }),
      );
      const carriedPeople = new Set(snapshot.carried.flatMap((p) => [p.mentorId, p.menteeId]));
      const unmatched = outcome.result.unmatched.filter((u) => !carriedPeople.has(u.id));
      await this.deps.runs.update(tenantId, run.id, (doc) => ({
        ...doc,
        status: 'succeeded',
        phase: 'done',
        progress: 100,
        updatedAt: this.now(),
        finishedAt: this.now(),
        summary: {
          participants: snapshot.active.length,
          pool: outcome.poolSize,
          carried: snapshot.carried.length,
          proposals: created,
          unmatched: unmatched.length,
          totalScore: outcome.result.totalScore,
          upperBound: outcome.result.upperBound,
          exact: outcome.result.exact,
          gapPct: outcome.result.gapPct,
          elapsedMs: Math.round(outcome.result.elapsedMs),
        },
        unmatched: unmatched.slice(0, unmatchedCap).map((u) => ({
          personId: u.id,
          reasons: u.reasons.map((r) => localizeReason(r, snapshot.programme)),
        })),
        unmatchedTotal: unmatched.length,
        warnings: outcome.warnings,
      }));
    } catch (error) {
      this.deps.log(`matching run ${run.id} failed`, error);
      await this.deps.runs
        .update(tenantId, run.id, (doc) => ({
          ...doc,
          status: 'failed',
          phase: 'done',
          updatedAt: this.now(),
          finishedAt: this.now(),
          error: isDomainError(error)
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: 'The matching run failed on our side.' },
        }))
        .catch((e: unknown) => this.deps.log(`matching run ${run.id}: recording the failure`, e));
    } finally {
      clearInterval(heartbeat);
      const pending = await this.release(tenantId, programmeId, run.id).catch((e: unknown) => {
        this.deps.log(`matching run ${run.id}: releasing the programme`, e);
        return false;
      });
      if (pending) await this.start(tenantId, programmeId, 'repair', 'system');
    }
  }

  private async progress(
    run: MatchingRunDocument,
    change: Partial<Pick<MatchingRunDocument, 'status' | 'phase' | 'progress'>>,
  ): Promise<void> {
    await this.deps.runs.update(run.tenantId, run.id, (doc) => ({
      ...doc,
      ...change,
      updatedAt: this.now(),
    }));
  }

  /** A queued or running run whose holder stopped (crash, restart) is reported as failed. */
  private async settleStale(run: MatchingRunDocument): Promise<MatchingRunDocument> {
    if (run.status !== 'queued' && run.status !== 'running') return run;
    const holder = await this.activeRunId(run.tenantId, run.programmeId);
    if (holder === run.id) return run;
    if (this.inFlight.size > 0) {
      // Released a moment ago by this instance: read it again rather than call it stale.
      const again = await this.deps.runs.find(run.tenantId, run.id);
      if (again && again.value.status !== 'queued' && again.value.status !== 'running') {
        return again.value;
      }
    }
    const updated = await this.deps.runs.update(run.tenantId, run.id, (doc) =>
      doc.status === 'queued' || doc.status === 'running'
        ? {
            ...doc,
            status: 'failed',
            phase: 'done',
            updatedAt: this.now(),
            finishedAt: this.now(),
            error: { code: 'internal', message: 'The run was interrupted; start it again.' },
          }
        : doc,
    );
    return updated.value;
  }

  /** What a run starts from: the active volunteers, the pairs it keeps, the pairs it must avoid. */
  private async load(tenantId: string, programmeId: string, trigger: Trigger): Promise<Snapshot> {
    const [programme, profiles, people, proposals, pairs] = await Promise.all([
      this.deps.programmes.get(tenantId, programmeId),
      this.deps.profiles.ofProgramme(tenantId, programmeId),
      this.deps.people.all(tenantId),
      this.deps.proposals.ofProgramme(tenantId, programmeId),
      this.deps.pairs.query(tenantId),
    ]);
    const active = profiles
      .map((p) => p.value)
      .filter((p) => isAvailableForMatching(p, this.deps.clock));
    const activeIds = new Set(active.map((p) => p.id));
    const carried = new Map<string, PairIds>();
    const replaced: Versioned<StoredProposal>[] = [];
    for (const found of proposals) {
      const p = found.value;
      // An open proposal to someone who has since paused or left is withdrawn, kept or published:
      // their partner goes back into the pool instead of waiting for an answer that will not come.
      const available = activeIds.has(p.mentorId) && activeIds.has(p.menteeId);
      const keep =
        p.status === 'accepted' ||
        (p.status === 'proposed' &&
          available &&
          (trigger === 'repair' || p.publishedAt !== null || p.kept || p.pinned === true));
      if (keep) carried.set(key(p), { mentorId: p.mentorId, menteeId: p.menteeId });
      else if (p.status === 'proposed') replaced.push(found);
    }
    for (const { value: pair } of pairs) {
      if (pair.programmeId === programmeId && !isPairClosed(pair))
        carried.set(key(pair), { mentorId: pair.mentorId, menteeId: pair.menteeId });
    }
    const blocks = [
      ...programme.value.constraints.blocks,
      // "Never propose again": a declined or expired proposal blocks its pair.
      ...proposals
        .map((p) => p.value)
        .filter((p) => p.status === 'declined' || p.status === 'expired'),
    ].map((b) => ({ mentorId: b.mentorId, menteeId: b.menteeId }));
    return {
      programme: programme.value,
      active,
      directory: new Map(people.map((p) => [p.value.id, p.value])),
      proposals,
      carried: [...carried.values()],
      replaced,
      blocks,
      pastPartners: pastPartners(
        pairs.map((p) => p.value),
        (pair) => !carried.has(key(pair)),
      ),
    };
  }

  /** The engine on everyone not in a kept pair; pins that cannot hold are dropped with a warning. */
  private async solve(
    snapshot: Snapshot,
    onRound: (info: RoundInfo) => void,
  ): Promise<{
    result: MatchingResult;
    poolSize: number;
    warnings: LocalizedText[];
  }> {
    const { programme, carried } = snapshot;
    const menteeTaken = new Set(carried.map((p) => p.menteeId));
    const mentorLoad = new Map<string, number>();
    const partners = new Map<string, string[]>();
    for (const p of carried) {
      mentorLoad.set(p.mentorId, (mentorLoad.get(p.mentorId) ?? 0) + 1);
      partners.set(p.mentorId, [...(partners.get(p.mentorId) ?? []), p.menteeId]);
      partners.set(p.menteeId, [...(partners.get(p.menteeId) ?? []), p.mentorId]);
    }
    const pool: PoolMember[] = [];
    for (const profile of snapshot.active) {
      const remaining = profile.mentorCapacity - (mentorLoad.get(profile.id) ?? 0);
      const canMentor = profile.roleWish !== 'mentee' && remaining > 0;
      const canBeMentored = profile.roleWish !== 'mentor' && !menteeTaken.has(profile.id);
      if (!canMentor && !canBeMentored) continue;
      pool.push({
        profile,
        person: snapshot.directory.get(profile.id),
        role: canMentor && canBeMentored ? 'both' : canMentor ? 'mentor' : 'mentee',
        capacity: Math.max(1, remaining),
        previousPartners: [
          ...profile.previousPartnerIds,
          ...(partners.get(profile.id) ?? []),
          ...(snapshot.pastPartners.get(profile.id) ?? []),
        ],
      });
    }
    const carriedKeys = new Set(carried.map(key));
    const warnings: LocalizedText[] = [];
    const name = (id: string) => snapshot.directory.get(id)?.displayName ?? id;
    let pins = programme.constraints.pins.filter((p) => !carriedKeys.has(key(p)));
    for (const pin of pins.filter((p) => menteeTaken.has(p.menteeId))) {
      // Their mentee has since been promised to someone else (published, accepted, kept): say so.
      warnings.push({
        fr: `Le binôme imposé ${name(pin.mentorId)} → ${name(pin.menteeId)} n'a pas pu être respecté : ${name(pin.menteeId)} a déjà un partenaire.`,
        en: `The pinned pair ${name(pin.mentorId)} → ${name(pin.menteeId)} could not be kept: ${name(pin.menteeId)} already has a partner.`,
      });
    }
    pins = pins.filter((p) => !menteeTaken.has(p.menteeId));
    for (;;) {
      const input = buildMatchingInput({
        programme,
        pool,
        directory: snapshot.directory,
        pins,
        blocks: snapshot.blocks,
      });
      try {
        return {
          result: await solveCohort(
            input,
            {
              ...this.deps.engine,
              onRound: (info) => {
                this.deps.engine?.onRound?.(info);
                onRound(info);
              },
            },
            this.deps.offThreadPairLimit,
          ),
          poolSize: pool.length,
          warnings,
        };
      } catch (error) {
        if (!isDomainError(error, 'validation_failed') || !error.message.startsWith('pins[')) {
          throw error;
        }
        const record = error.details?.record;
        const pin = typeof record === 'number' ? input.pins[record] : undefined;
        if (!pin) throw error;
        // The lead's pin breaks a hard rule now (a pause, a capacity): leave it out, say so.
        warnings.push({
          fr: `Le binôme imposé ${name(pin.mentorId)} → ${name(pin.menteeId)} n'a pas pu être respecté (${error.message}).`,
          en: `The pinned pair ${name(pin.mentorId)} → ${name(pin.menteeId)} could not be kept (${error.message}).`,
        });
        pins = pins.filter((p) => key(p) !== key(pin));
      }
    }
  }

  /** Retires the replaced drafts and stores the new proposals; returns how many were created. */
  private async save(
    run: MatchingRunDocument,
    snapshot: Snapshot,
    result: MatchingResult,
    onProgress: (done: number, total: number) => Promise<void>,
  ): Promise<number> {
    const { programme } = snapshot;
    const now = this.deps.clock.now();
    const publish = run.trigger === 'repair';
    const expiresAt = proposalExpiry(now, programme.proposalResponseDays);
    // Answered or published meanwhile by another request: left to the next run.
    await inBatches(snapshot.replaced, (found) => this.withdraw(found));
    const proposals: StoredProposal[] = result.pairs.map((pair) => ({
      id: this.newId('prop'),
      tenantId: run.tenantId,
      programmeId: run.programmeId,
      runId: run.id,
      mentorId: pair.mentorId,
      menteeId: pair.menteeId,
      score: pair.score,
      reasons: pair.reasons.map((r) => {
        const { fr, en } = localizeReason(r, programme);
        return { fr, en };
      }),
      status: 'proposed',
      answers: {},
      ...(pair.pinned ? { pinned: true } : {}),
      // A draft's deadline is set again when the lead publishes.
      expiresAt,
      createdAt: now.toISOString(),
      publishedAt: publish ? now.toISOString() : null,
      kept: pair.pinned,
      pairId: null,
    }));
    let done = 0;
    for (let i = 0; i < proposals.length; i += parallelWrites * 4) {
      const slice = proposals.slice(i, i + parallelWrites * 4);
      await inBatches(slice, (p) => this.deps.proposals.create(p));
      done += slice.length;
      await onProgress(done, proposals.length);
    }
    if (publish) {
      const zones = new Map(snapshot.active.map((p) => [p.id, p.timeZone]));
      await this.announce(programme, proposals, snapshot.directory, zones, 'repair');
    }
    return proposals.length;
  }

  /**
   * Retires an open proposal (status `superseded`), conditional on the version it was read at;
   * false when it changed meanwhile (answered, published) and was left as it is.
   */
  private async withdraw(found: Versioned<StoredProposal>): Promise<boolean> {
    const { proposal, changed } = supersedeProposal(found.value);
    if (!changed) return false;
    try {
      await this.deps.proposals.replace({ ...found.value, ...proposal }, found.etag);
      return true;
    } catch (error) {
      if (isDomainError(error, 'version_conflict')) return false;
      throw error;
    }
  }

  /**
   * Someone paused or left the programme: their open proposals (drafts and published) are
   * withdrawn at once, and the partners of published ones get their next best proposal from a
   * repair run, as after a decline; accepted pairs are not touched.
   */
  async withdrawFor(
    tenantId: string,
    programmeId: string,
    personId: string,
  ): Promise<{ withdrawn: number; repair: boolean }> {
    let withdrawn = 0;
    let repair = false;
    let open = await this.deps.proposals.involving(tenantId, programmeId, [personId], ['proposed']);
    for (let attempt = 1; open.length > 0; attempt++) {
      const left: Versioned<StoredProposal>[] = [];
      await inBatches(open, async (found) => {
        if (await this.withdraw(found)) {
          withdrawn++;
          if (found.value.publishedAt !== null) {
            repair = true;
            await this.retractNotices(found.value);
          }
        } else left.push(found);
      });
      if (left.length === 0) break;
      if (attempt >= 5) {
        throw new DomainError('version_conflict', 'Proposals kept changing; try again.', {
          personId,
        });
      }
      // Changed meanwhile (the partner answered, the lead published): read again and retry.
      const again = await Promise.all(
        left.map((f) => this.deps.proposals.find(tenantId, f.value.id)),
      );
      open = again.filter(
        (f): f is Versioned<StoredProposal> => f !== undefined && f.value.status === 'proposed',
      );
    }
    if (repair) await this.requestRepair(tenantId, programmeId);
    return { withdrawn, repair };
  }

  /** The Teams messages about a proposal that is no longer open, when not sent yet, are cancelled. */
  private async retractNotices(proposal: StoredProposal): Promise<void> {
    const notifications = this.deps.notifications;
    if (!notifications || proposal.publishedAt === null) return;
    for (const recipientId of [proposal.mentorId, proposal.menteeId]) {
      const id = notificationKey(
        'proposal_published',
        `${proposal.id}.${recipientId}`,
        proposal.publishedAt,
      );
      await notifications
        .update(proposal.tenantId, id, (n) =>
          n.status === 'pending' ? cancelNotification(n).notification : n,
        )
        .catch((error: unknown) => {
          // Never queued (no notification queue at the time): nothing to cancel.
          if (isDomainError(error, 'not_found')) return;
          // The proposal's own change is saved; at worst the person reads a stale message.
          this.deps.log(`notification ${id} could not be cancelled`, error);
        });
    }
  }

  /**
   * Queues one Teams message per person for each newly published proposal (who, the deadline,
   * the "My match" tab). The id is the idempotency key: a second publish or a retry queues none.
   */
  private async announce(
    programme: Programme,
    proposals: readonly StoredProposal[],
    directory: ReadonlyMap<string, Person>,
    zones: ReadonlyMap<string, string>,
    cause: 'published' | 'repair',
  ): Promise<void> {
    const notifications = this.deps.notifications;
    if (!notifications) return;
    const sides = (p: StoredProposal) =>
      [
        ['mentor', p.mentorId, p.menteeId],
        ['mentee', p.menteeId, p.mentorId],
      ] as const;
    const queued = proposals
      .filter((p) => p.publishedAt !== null && p.status === 'proposed')
      .flatMap((p) =>
        sides(p).map(([role, recipientId, partnerId]): Notification => ({
          id: notificationKey('proposal_published', `${p.id}.${recipientId}`, p.publishedAt!),
          tenantId: p.tenantId,
          kind: 'proposal_published',
          recipientId,
          dueAt: p.publishedAt!,
          status: 'pending',
          attempts: 0,
          payload: {
            proposalId: p.id,
            programmeName: programme.name,
            partnerName: directory.get(partnerId)?.displayName ?? partnerId,
            role,
            expiresAt: p.expiresAt,
            timeZone:
              zones.get(recipientId) ?? directory.get(recipientId)?.timeZone ?? 'Europe/Paris',
            cause,
          },
        })),
      );
    await inBatches(queued, async (n) => {
      try {
        await notifications.schedule(n);
      } catch (error) {
        // The proposals are published and shown in the tab; the message is the part that failed.
        this.deps.log(`notification ${n.id} could not be queued`, error);
      }
    });
  }

  /** Lets a repair run propose the next best to people freed by a decline or an expiry. */
  private async requestRepair(tenantId: string, programmeId: string): Promise<void> {
    try {
      await this.start(tenantId, programmeId, 'repair', 'system');
    } catch (error) {
      // The answer itself is saved; the next read or the scheduler asks for the repair again.
      this.deps.log(`repair run for ${programmeId} could not start`, error);
    }
  }

  // ------------------------------------------------------------------------------------------
  // The lead's review

  /** Proposals with scores and reasons, the people left unmatched and why, the latest run. */
  async review(
    principal: Principal,
    programmeId: string,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.expireDue(tenantId, programmeId);
    const [proposals, runs, profiles, pairs] = await Promise.all([
      this.deps.proposals.ofProgramme(tenantId, programmeId),
      this.deps.runs.ofProgramme(tenantId, programmeId, 20),
      this.deps.profiles.ofProgramme(tenantId, programmeId),
      this.deps.pairs.ofProgramme(tenantId, programmeId),
    ]);
    const latest = runs[0] ? await this.settleStale(runs[0].value) : null;
    const succeeded = runs.find((r) => r.value.status === 'succeeded')?.value;
    const current = proposals
      .map((p) => p.value)
      .filter((p) => p.status === 'proposed' || p.status === 'accepted')
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const paired = new Set([
      ...current.flatMap((p) => [p.mentorId, p.menteeId]),
      ...pairs
        .filter((p) => !isPairClosed(p.value))
        .flatMap((p) => [p.value.mentorId, p.value.menteeId]),
    ]);
    const activeIds = profiles
      .map((p) => p.value)
      .filter((p) => isAvailableForMatching(p, this.deps.clock))
      .map((p) => p.id);
    const active = new Set(activeIds);
    const unmatched: { personId: string; reasons: LocalizedText[] }[] = (succeeded?.unmatched ?? [])
      .filter((u) => !paired.has(u.personId) && active.has(u.personId))
      .map((u) => ({ personId: u.personId, reasons: u.reasons.map(({ fr, en }) => ({ fr, en })) }));
    const awaitingRerun = new Set(
      (succeeded?.unmatched ?? [])
        .filter((u) =>
          u.reasons.some((r) => r.code === 'blocked_by_lead' || r.code === 'unblocked_by_lead'),
        )
        .map((u) => u.personId),
    );
    // Nobody is left out silently: a volunteer the last run did not see (joined or back from a
    // pause since, or whose proposal was withdrawn) is listed too. Only when the run's list is
    // whole: beyond its cap, someone missing from it may simply not have been stored.
    let unseen = 0;
    if (succeeded && succeeded.unmatchedTotal <= succeeded.unmatched.length) {
      const listed = new Set([...paired, ...unmatched.map((u) => u.personId)]);
      for (const id of activeIds) {
        if (listed.has(id)) continue;
        unseen++;
        unmatched.push({
          personId: id,
          reasons: [
            {
              fr: 'Absent du dernier calcul (arrivée ou retour de pause depuis, ou proposition retirée) : relancez l’appariement pour lui trouver un partenaire',
              en: 'Not part of the last run (joined or came back since, or their proposal was withdrawn): run matching again to find them a partner',
            },
          ],
        });
      }
    }
    const { page = 1, unmatchedPage = 1, pageSize = defaultPageSize } = view;
    const shownProposals = pageOf(current, page, pageSize);
    const shownUnmatched = pageOf(unmatched, unmatchedPage, pageSize);
    const { pins, blocks } = programme.constraints;
    // Names only for the people on screen: the whole directory of a large tenant costs seconds.
    const directory = await this.directoryOf(tenantId, [
      ...shownProposals.flatMap((p) => [p.mentorId, p.menteeId]),
      ...shownUnmatched.map((u) => u.personId),
      ...[...pins, ...blocks].flatMap((p) => [p.mentorId, p.menteeId]),
    ]);
    const currentKeys = new Set(current.map(key));
    const count = (f: (p: StoredProposal) => boolean) => proposals.filter((p) => f(p.value)).length;
    return {
      programme: {
        id: programme.id,
        name: programme.name,
        status: programme.status,
        proposalResponseDays: programme.proposalResponseDays,
      },
      run: latest ? this.runView(latest) : null,
      proposals: shownProposals.map((p) => this.reviewProposal(p, directory)),
      proposalsTotal: current.length,
      unmatched: shownUnmatched.map((u) => ({
        ...this.reviewPerson(u.personId, directory),
        reasons: u.reasons,
      })),
      unmatchedListed: unmatched.length,
      paging: { page, unmatchedPage, pageSize },
      unmatchedTotal: Math.max(
        unmatched.length,
        (succeeded?.unmatchedTotal ?? 0) - ((succeeded?.unmatched.length ?? 0) - unmatched.length),
      ),
      pins: pins.map((p) => this.reviewPair(p, directory)),
      blocks: blocks.map((p) => this.reviewPair(p, directory)),
      needsRerun:
        unseen > 0 ||
        pins.some((p) => !currentKeys.has(key(p))) ||
        unmatched.some((u) => awaitingRerun.has(u.personId)),
      counts: {
        drafts: count((p) => p.status === 'proposed' && p.publishedAt === null),
        published: count((p) => p.status === 'proposed' && p.publishedAt !== null),
        accepted: count((p) => p.status === 'accepted'),
        declined: count((p) => p.status === 'declined'),
        expired: count((p) => p.status === 'expired'),
      },
    };
  }

  /** The programme's active volunteers, by name, for pinning or blocking any two of them. */
  async volunteers(principal: Principal, programmeId: string): Promise<VolunteersResponse> {
    await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    const [profiles, people] = await Promise.all([
      this.deps.profiles.ofProgramme(tenantId, programmeId),
      this.deps.people.all(tenantId),
    ]);
    const directory = new Map(people.map((p) => [p.value.id, p.value]));
    const volunteers = profiles
      .map((p) => p.value)
      .filter((p) => isAvailableForMatching(p, this.deps.clock))
      .map((p) => ({ ...this.reviewPerson(p.id, directory), role: p.roleWish }))
      .sort(
        (a, b) =>
          a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId),
      );
    return { volunteers };
  }

  /** Keeps every draft (but one that contradicts a pin): a rerun will not change them. */
  async acceptAll(
    principal: Principal,
    programmeId: string,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    await this.assertIdle(principal.tenantId, programmeId);
    // Pins are the lead's choice: a draft giving a pinned mentee to someone else is not kept, nor
    // one that would take the place a pinned mentor keeps for their pinned mentees.
    const { pins } = programme.constraints;
    const pinnedTo = new Map(pins.map((p) => [p.menteeId, p.mentorId]));
    const pinKeys = new Set(pins.map(key));
    const pinnedMentors = [...new Set(pins.map((p) => p.mentorId))];
    const places = new Map<string, number>();
    await Promise.all(
      pinnedMentors.map(async (id) => {
        const profile = await this.deps.profiles.find(principal.tenantId, id);
        const pinned = pins.filter((p) => p.mentorId === id).length;
        places.set(id, (profile?.value.mentorCapacity ?? 1) - pinned);
      }),
    );
    const drafts = (await this.drafts(principal.tenantId, programmeId))
      .sort((a, b) => b.value.score - a.value.score || a.value.id.localeCompare(b.value.id))
      .filter(({ value: d }) => {
        if ((pinnedTo.get(d.menteeId) ?? d.mentorId) !== d.mentorId) return false;
        if (pinKeys.has(key(d)) || !places.has(d.mentorId)) return true;
        const left = places.get(d.mentorId)!;
        places.set(d.mentorId, left - 1);
        return left > 0;
      });
    await inBatches(drafts, (found) =>
      found.value.kept
        ? Promise.resolve()
        : this.deps.proposals
            .update(principal.tenantId, found.value.id, (p) =>
              p.status === 'proposed' && p.publishedAt === null && !p.kept
                ? { ...p, kept: true }
                : p,
            )
            .then(() => undefined),
    );
    return this.review(principal, programmeId, view);
  }

  /** Exchanges the mentees of two drafts, when both new pairs keep every hard rule. */
  async swap(
    principal: Principal,
    programmeId: string,
    proposalIds: readonly [string, string],
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.assertIdle(tenantId, programmeId);
    const [a, b] = await Promise.all(
      proposalIds.map((id) => this.draft(tenantId, programmeId, id)),
    );
    // A pinned pair is the lead's own choice: swapping it away would leave a pin no run can keep.
    const pinned = [a!, b!].filter((d) => d.value.pinned === true);
    if (pinned.length > 0) {
      throw new DomainError(
        'validation_failed',
        'A pinned pair cannot be swapped: unpin it first',
        {
          violations: pinned.map((d) => ({
            mentorId: d.value.mentorId,
            menteeId: d.value.menteeId,
            codes: ['pinned'],
          })),
        },
      );
    }
    const cohort = await this.cohort(tenantId, programme, [
      a!.value.mentorId,
      a!.value.menteeId,
      b!.value.mentorId,
      b!.value.menteeId,
    ]);
    const first = this.scorePair(cohort, programme, a!.value.mentorId, b!.value.menteeId);
    const second = this.scorePair(cohort, programme, b!.value.mentorId, a!.value.menteeId);
    const violations = [first, second].filter((s) => s.violations.length > 0);
    if (violations.length > 0) {
      throw new DomainError(
        'validation_failed',
        `Swapping would break a hard rule: ${violations
          .map((v) => `${v.mentorName} → ${v.menteeName}: ${v.violations.join(', ')}`)
          .join('; ')}`,
        {
          violations: violations.map((v) => ({
            mentorId: v.mentorId,
            menteeId: v.menteeId,
            codes: v.violations,
          })),
        },
      );
    }
    await this.deps.proposals.replace(
      {
        ...a!.value,
        menteeId: b!.value.menteeId,
        score: first.score,
        reasons: first.reasons,
        kept: true,
        pinned: false,
      },
      a!.etag,
    );
    await this.deps.proposals.replace(
      {
        ...b!.value,
        menteeId: a!.value.menteeId,
        score: second.score,
        reasons: second.reasons,
        kept: true,
        pinned: false,
      },
      b!.etag,
    );
    return this.review(principal, programmeId, view);
  }

  /** Imposes a pair (kept in every rerun); a draft with this pair is marked pinned at once. */
  async pin(
    principal: Principal,
    programmeId: string,
    body: PairBody,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.assertIdle(tenantId, programmeId);
    const [cohort, theirs, pairs, mentorProfile] = await Promise.all([
      this.cohort(tenantId, programme, [body.mentorId, body.menteeId], [body]),
      this.deps.proposals.involving(
        tenantId,
        programmeId,
        [body.mentorId, body.menteeId],
        ['proposed', 'accepted'],
      ),
      this.deps.pairs.query(tenantId, {
        where:
          'c.programmeId = @programmeId AND (c.menteeId = @menteeId OR c.mentorId = @mentorId)',
        parameters: [
          { name: '@programmeId', value: programmeId },
          { name: '@menteeId', value: body.menteeId },
          { name: '@mentorId', value: body.mentorId },
        ],
      }),
      this.deps.profiles.find(tenantId, body.mentorId),
    ]);
    const open = pairs.map((p) => p.value).filter((p) => !isPairClosed(p));
    const firm = (p: StoredProposal) => p.status === 'accepted' || p.publishedAt !== null;
    const scored = this.scorePair(cohort, programme, body.mentorId, body.menteeId, true);
    // A mentee already promised to someone else (proposal published or accepted, pair under way)
    // is not re-paired by a run: such a pin could never hold.
    const taken =
      theirs.some(
        ({ value: p }) => p.menteeId === body.menteeId && p.mentorId !== body.mentorId && firm(p),
      ) || open.some((p) => p.menteeId === body.menteeId);
    // Likewise a mentor whose every place is promised (published, accepted, under way).
    const capacity = mentorProfile?.value.mentorCapacity ?? 1;
    const promised =
      theirs.filter(
        ({ value: p }) => p.mentorId === body.mentorId && p.menteeId !== body.menteeId && firm(p),
      ).length + open.filter((p) => p.mentorId === body.mentorId).length;
    const codes: string[] = [
      ...scored.violations,
      ...(taken ? ['already_paired'] : []),
      ...(promised >= capacity ? ['mentor_full'] : []),
    ];
    if (codes.length > 0) {
      throw new DomainError(
        'validation_failed',
        `${scored.mentorName} → ${scored.menteeName} cannot be pinned: ${codes.join(', ')}`,
        { violations: [{ mentorId: body.mentorId, menteeId: body.menteeId, codes }] },
      );
    }
    await this.deps.programmes.update(tenantId, programmeId, (p) => {
      const pins = [
        ...p.constraints.pins.filter((x) => x.menteeId !== body.menteeId),
        { mentorId: body.mentorId, menteeId: body.menteeId },
      ];
      const blocks = p.constraints.blocks.filter((x) => key(x) !== key(body));
      if (
        p.constraints.pins.some((x) => key(x) === key(body)) &&
        blocks.length === p.constraints.blocks.length
      )
        return p;
      return { ...p, constraints: { ...p.constraints, pins, blocks }, updatedAt: this.now() };
    });
    const drafts = await this.drafts(tenantId, programmeId);
    const match = drafts.find((d) => key(d.value) === key(body));
    if (match) {
      await this.deps.proposals.replace(
        { ...match.value, pinned: true, kept: true, reasons: scored.reasons, score: scored.score },
        match.etag,
      );
    }
    // The lead's latest choice wins over drafts they kept before: this mentee's with someone
    // else, and the mentor's others beyond the room left (lowest score first).
    const keptOf = (d: Versioned<StoredProposal>) =>
      key(d.value) !== key(body) && (d.value.kept || d.value.pinned === true);
    const room = Math.max(0, capacity - promised - 1);
    const released = [
      ...drafts.filter((d) => keptOf(d) && d.value.menteeId === body.menteeId),
      ...drafts
        .filter(
          (d) =>
            keptOf(d) && d.value.mentorId === body.mentorId && d.value.menteeId !== body.menteeId,
        )
        .sort((a, b) => b.value.score - a.value.score)
        .slice(room),
    ];
    await inBatches(released, (d) =>
      this.deps.proposals.update(tenantId, d.value.id, (p) =>
        p.status === 'proposed' && p.publishedAt === null
          ? { ...p, kept: false, pinned: false }
          : p,
      ),
    );
    return this.review(principal, programmeId, view);
  }

  /** Forbids a pair; a draft with this pair is withdrawn and its two people wait for a rerun. */
  async block(
    principal: Principal,
    programmeId: string,
    body: PairBody,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.assertIdle(tenantId, programmeId);
    const directory = new Map(
      (await this.deps.people.all(tenantId)).map((p) => [p.value.id, p.value]),
    );
    for (const id of [body.mentorId, body.menteeId]) {
      if (!directory.has(id)) {
        throw new DomainError('person_not_found', `Person ${id} was not found`, { id });
      }
    }
    await this.deps.programmes.update(tenantId, programmeId, (p) => {
      if (p.constraints.blocks.some((x) => key(x) === key(body))) return p;
      return {
        ...p,
        constraints: {
          ...p.constraints,
          pins: p.constraints.pins.filter((x) => key(x) !== key(body)),
          blocks: [...p.constraints.blocks, { mentorId: body.mentorId, menteeId: body.menteeId }],
        },
        updatedAt: this.now(),
      };
    });
    const drafts = await this.drafts(tenantId, programmeId);
    const match = drafts.find((d) => key(d.value) === key(body));
    if (match) {
      const { proposal } = supersedeProposal(match.value);
      await this.deps.proposals.replace({ ...match.value, ...proposal }, match.etag);
      const [latest] = (await this.deps.runs.ofProgramme(tenantId, programmeId, 10)).filter(
        (r) => r.value.status === 'succeeded',
      );
      if (latest) {
        const reason = {
          code: 'blocked_by_lead',
          fr: 'Binôme bloqué par le responsable : relancez le calcul pour trouver un autre partenaire',
          en: 'Pair blocked by the lead: run matching again to find another partner',
        };
        await this.deps.runs.update(tenantId, latest.value.id, (run) => {
          const add = [body.mentorId, body.menteeId].filter(
            (id) => !run.unmatched.some((u) => u.personId === id),
          );
          return {
            ...run,
            unmatched: [
              ...run.unmatched,
              ...add.map((personId) => ({ personId, reasons: [reason] })),
            ],
            unmatchedTotal: run.unmatchedTotal + add.length,
          };
        });
      }
    }
    return this.review(principal, programmeId, view);
  }

  /**
   * Lifts a pin: the pair is no longer imposed. A draft with this pair stays as it is until the next
   * run, which may pair its two people otherwise (it is no longer kept); published ones are untouched.
   */
  async unpin(
    principal: Principal,
    programmeId: string,
    body: PairBody,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.assertIdle(tenantId, programmeId);
    const pinned = programme.constraints.pins.some((x) => key(x) === key(body));
    const drafts = await this.drafts(tenantId, programmeId);
    const match = drafts.find((d) => key(d.value) === key(body) && d.value.pinned === true);
    if (!pinned && !match) {
      throw new DomainError('not_found', 'This pair is not pinned', {
        mentorId: body.mentorId,
        menteeId: body.menteeId,
      });
    }
    if (pinned) {
      await this.deps.programmes.update(tenantId, programmeId, (p) =>
        p.constraints.pins.some((x) => key(x) === key(body))
          ? {
              ...p,
              constraints: {
                ...p.constraints,
                pins: p.constraints.pins.filter((x) => key(x) !== key(body)),
              },
              updatedAt: this.now(),
            }
          : p,
      );
    }
    if (match) {
      // The "imposed by the lead" reason goes with the pin: score the pair again as the engine would.
      let rescored: { score: number; reasons: StoredProposal['reasons'] } | undefined;
      try {
        const scored = this.scorePair(
          await this.cohort(tenantId, programme, [body.mentorId, body.menteeId]),
          programme,
          body.mentorId,
          body.menteeId,
        );
        rescored = { score: scored.score, reasons: scored.reasons };
      } catch (error) {
        // One of them is no longer an active volunteer: the next run replaces the draft anyway.
        if (!isDomainError(error, 'validation_failed')) throw error;
      }
      await this.deps.proposals.update(tenantId, match.value.id, (p) =>
        p.status === 'proposed' && p.publishedAt === null && p.pinned === true
          ? { ...p, ...rescored, pinned: false, kept: false }
          : p,
      );
    }
    return this.review(principal, programmeId, view);
  }

  /**
   * Lifts a block: the next run may pair these two again. The people the block left without a
   * partner are told so in the review until that run.
   */
  async unblock(
    principal: Principal,
    programmeId: string,
    body: PairBody,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.assertIdle(tenantId, programmeId);
    if (!programme.constraints.blocks.some((x) => key(x) === key(body))) {
      throw new DomainError('not_found', 'This pair is not blocked', {
        mentorId: body.mentorId,
        menteeId: body.menteeId,
      });
    }
    await this.deps.programmes.update(tenantId, programmeId, (p) =>
      p.constraints.blocks.some((x) => key(x) === key(body))
        ? {
            ...p,
            constraints: {
              ...p.constraints,
              blocks: p.constraints.blocks.filter((x) => key(x) !== key(body)),
            },
            updatedAt: this.now(),
          }
        : p,
    );
    const [latest] = (await this.deps.runs.ofProgramme(tenantId, programmeId, 10)).filter(
      (r) => r.value.status === 'succeeded',
    );
    if (latest) {
      const lifted = {
        code: 'unblocked_by_lead',
        fr: 'Blocage levé par le responsable : relancez le calcul pour trouver un partenaire',
        en: 'Block lifted by the lead: run matching again to find a partner',
      };
      await this.deps.runs.update(tenantId, latest.value.id, (run) => {
        let changed = false;
        const unmatched = run.unmatched.map((u) => {
          if (
            (u.personId !== body.mentorId && u.personId !== body.menteeId) ||
            !u.reasons.some((r) => r.code === 'blocked_by_lead')
          )
            return u;
          changed = true;
          return {
            ...u,
            reasons: u.reasons.map((r) => (r.code === 'blocked_by_lead' ? lifted : r)),
          };
        });
        return changed ? { ...run, unmatched } : run;
      });
    }
    return this.review(principal, programmeId, view);
  }

  /** Makes every draft visible to its two people, with the programme's answer deadline. */
  async publish(principal: Principal, programmeId: string): Promise<PublishResponse> {
    const { value: programme } = await this.managed(principal, programmeId);
    const tenantId = principal.tenantId;
    await this.assertIdle(tenantId, programmeId);
    const now = this.deps.clock.now();
    const expiresAt = proposalExpiry(now, programme.proposalResponseDays);
    const [drafts, profiles] = await Promise.all([
      this.drafts(tenantId, programmeId),
      this.deps.profiles.ofProgramme(tenantId, programmeId),
    ]);
    const activeIds = new Set(
      profiles
        .map((p) => p.value)
        .filter((p) => isAvailableForMatching(p, this.deps.clock))
        .map((p) => p.id),
    );
    // Someone paused or left since the run: their draft is withdrawn rather than shown to them.
    const withheld = drafts.filter(
      (d) => !activeIds.has(d.value.mentorId) || !activeIds.has(d.value.menteeId),
    );
    await inBatches(withheld, (found) =>
      this.deps.proposals.update(tenantId, found.value.id, (p) =>
        p.status === 'proposed' && p.publishedAt === null
          ? { ...p, ...supersedeProposal(p).proposal }
          : p,
      ),
    );
    const published: StoredProposal[] = [];
    await inBatches(
      drafts.filter((d) => !withheld.includes(d)),
      async (found) => {
        const saved = await this.deps.proposals.update(tenantId, found.value.id, (p) =>
          p.status === 'proposed' && p.publishedAt === null
            ? { ...p, publishedAt: now.toISOString(), expiresAt, kept: true }
            : p,
        );
        if (saved.value.publishedAt === now.toISOString()) published.push(saved.value);
      },
    );
    if (published.length > 0) {
      const ids = published.flatMap((p) => [p.mentorId, p.menteeId]);
      // A large cohort: one read of the whole directory beats a query naming thousands of ids.
      const directory =
        ids.length > 1000
          ? new Map((await this.deps.people.all(tenantId)).map((p) => [p.value.id, p.value]))
          : await this.directoryOf(tenantId, ids);
      const zones = new Map(profiles.map((p) => [p.value.id, p.value.timeZone]));
      await this.announce(programme, published, directory, zones, 'published');
    }
    return {
      published: published.length,
      expiresAt: published.length > 0 ? expiresAt : null,
      withheld: withheld.length,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Each person

  /** The caller's published proposals, reasons in their language, with their partner's public card. */
  async mine(principal: Principal, locale?: Locale): Promise<MyProposalsResponse> {
    const tenantId = principal.tenantId;
    const me = await this.deps.people.find(tenantId, principal.personId);
    const lang: Locale = locale ?? me?.value.preferredLocale ?? 'fr';
    let found = await this.deps.proposals.publishedFor(tenantId, principal.personId);
    const due = found.filter((p) => isProposalExpired(p.value, this.deps.clock));
    if (due.length > 0) {
      for (const programmeId of new Set(due.map((p) => p.value.programmeId))) {
        await this.expireDue(tenantId, programmeId);
      }
      found = await this.deps.proposals.publishedFor(tenantId, principal.personId);
    }
    const open = found.filter(
      (p) => p.value.status === 'proposed' || p.value.status === 'accepted',
    );
    const closed = found
      .filter(
        (p) =>
          p.value.status === 'declined' ||
          p.value.status === 'expired' ||
          p.value.status === 'superseded',
      )
      .slice(0, 5);
    const views: MyProposal[] = [];
    for (const p of [...open, ...closed]) {
      const proposal = p.value.status === 'accepted' ? await this.ensurePair(p) : p.value;
      views.push(await this.myView(proposal, principal.personId, lang));
    }
    const unmatched =
      open.length === 0 ? await this.whyUnmatched(tenantId, principal.personId, found, lang) : null;
    return { locale: lang, proposals: views, ...(unmatched ? { unmatched } : {}) };
  }

  /**
   * Why a volunteer with no open proposal has no partner: their own entry in the latest published
   * run (never another person's). Null when they are paused or gone, already in a pair, or when no
   * run was published yet, or when that run did propose someone to them (a decline or expiry is
   * shown on that proposal, and a repair follows).
   */
  private async whyUnmatched(
    tenantId: string,
    personId: string,
    published: readonly Versioned<StoredProposal>[],
    lang: Locale,
  ): Promise<MyUnmatched | null> {
    const profile = (await this.deps.profiles.find(tenantId, personId))?.value;
    if (!profile || !isAvailableForMatching(profile, this.deps.clock)) return null;
    const { programmeId } = profile;
    const pairs = await this.deps.pairs.ofPerson(tenantId, personId);
    if (pairs.some((p) => p.value.programmeId === programmeId && !isPairClosed(p.value))) {
      return null;
    }
    const runs = await this.deps.runs.ofProgramme(tenantId, programmeId, 20);
    let run: MatchingRunDocument | undefined;
    for (const { value } of runs) {
      if (value.status !== 'succeeded') continue;
      // A repair publishes as it saves; a lead's run is published once its proposals are.
      if (
        value.trigger === 'repair' ||
        (await this.deps.proposals.anyPublishedOfRun(tenantId, value.id))
      ) {
        run = value;
        break;
      }
    }
    if (!run) return null;
    const runId = run.id;
    const entry = run.unmatched.find((u) => u.personId === personId);
    if (!entry && published.some((p) => p.value.runId === runId)) return null;
    const programme = await this.deps.programmes.find(tenantId, programmeId);
    // The lead's own decisions (blocks) and the words addressed to the lead stay on the review.
    const reasons = (entry?.reasons ?? [])
      .filter((r) => !leadOnlyReasons.has(r.code))
      .map((r) => r[lang]);
    return {
      programmeId,
      programmeName: programme?.value.name ?? programmeId,
      runAt: run.finishedAt ?? run.updatedAt,
      explained: reasons.length > 0,
      reasons,
    };
  }

  /** Records the caller's answer; both accepted → the pair; a decline → the next best for both. */
  async answer(
    principal: Principal,
    proposalId: string,
    answer: ProposalAnswer,
    locale?: Locale,
  ): Promise<MyProposal> {
    const tenantId = principal.tenantId;
    const lang: Locale =
      locale ??
      (await this.deps.people.find(tenantId, principal.personId))?.value.preferredLocale ??
      'fr';
    for (let attempt = 1; ; attempt++) {
      const found = await this.deps.proposals.find(tenantId, proposalId);
      if (!found || found.value.publishedAt === null) {
        throw new DomainError('not_found', `Proposal ${proposalId} was not found`, { proposalId });
      }
      const current = found.value;
      if (!proposalSideOf(current, principal.personId)) {
        throw new DomainError('not_pair_member', 'Only the two people proposed can answer', {
          proposalId,
        });
      }
      if (isProposalExpired(current, this.deps.clock)) {
        await this.expireDue(tenantId, current.programmeId);
        throw new DomainError(
          'proposal_expired',
          `The time to answer ran out on ${current.expiresAt}; a new proposal follows.`,
          { proposalId, expiresAt: current.expiresAt },
        );
      }
      const result = answerProposal(current, principal.personId, answer, this.deps.clock);
      if (!result.changed) {
        const settled = current.status === 'accepted' ? await this.ensurePair(found) : current;
        return this.myView(settled, principal.personId, lang);
      }
      let saved: Versioned<StoredProposal>;
      try {
        saved = await this.deps.proposals.replace({ ...current, ...result.proposal }, found.etag);
      } catch (error) {
        // The partner answered at the same moment: read their answer and apply ours again.
        if (isDomainError(error, 'version_conflict') && attempt < 5) continue;
        throw error;
      }
      if (saved.value.status === 'declined') {
        await this.retractNotices(saved.value);
        await this.requestRepair(tenantId, current.programmeId);
      }
      const settled = result.bothAccepted ? await this.ensurePair(saved) : saved.value;
      return this.myView(settled, principal.personId, lang);
    }
  }

  /**
   * Marks the published proposals whose deadline passed as expired and starts a repair run for
   * their programmes. Called lazily on reads and answers, and by the scheduler.
   */
  async expireDue(tenantId: string, programmeId?: string): Promise<{ expired: number }> {
    const due = await this.deps.proposals.dueToExpire(tenantId, this.now(), programmeId);
    const programmes = new Set<string>();
    let expired = 0;
    for (const found of due) {
      const saved = await this.deps.proposals
        .update(tenantId, found.value.id, (p) => {
          const { proposal, changed } = expireProposal(p, this.deps.clock);
          return changed ? { ...p, ...proposal } : p;
        })
        .catch((error: unknown) => {
          if (isDomainError(error, 'not_found')) return undefined;
          throw error;
        });
      if (saved?.value.status === 'expired') {
        expired++;
        programmes.add(found.value.programmeId);
      }
    }
    for (const id of programmes) await this.requestRepair(tenantId, id);
    return { expired };
  }

  /** The scheduler's sweep: expires overdue proposals in every tenant and repairs their programmes. */
  async expireEverywhere(limit = 500): Promise<{ expired: number }> {
    const due = await this.deps.proposals.dueToExpireEverywhere(this.now(), limit);
    const programmes = new Map<string, { tenantId: string; programmeId: string }>();
    for (const { value } of due) {
      programmes.set(`${value.tenantId}\u0000${value.programmeId}`, {
        tenantId: value.tenantId,
        programmeId: value.programmeId,
      });
    }
    let expired = 0;
    for (const { tenantId, programmeId } of programmes.values()) {
      expired += (await this.expireDue(tenantId, programmeId)).expired;
    }
    return { expired };
  }

  /** The pair of an accepted proposal, created once (id derived from the proposal). */
  private async ensurePair(found: Versioned<StoredProposal>): Promise<StoredProposal> {
    const proposal = found.value;
    const pairId =
      proposal.pairId ?? (await this.deps.pairCreator.createFromProposal(proposal)).value.id;
    if (proposal.pairId === pairId) return proposal;
    const saved = await this.deps.proposals.update(proposal.tenantId, proposal.id, (p) =>
      p.pairId === pairId ? p : { ...p, pairId },
    );
    return saved.value;
  }

  private async myView(
    proposal: StoredProposal,
    personId: string,
    lang: Locale,
  ): Promise<MyProposal> {
    const side = proposalSideOf(proposal, personId)!;
    const partnerId = side === 'mentor' ? proposal.menteeId : proposal.mentorId;
    const [person, profile, programme] = await Promise.all([
      this.deps.people.find(proposal.tenantId, partnerId),
      this.deps.profiles.find(proposal.tenantId, partnerId),
      this.deps.programmes.find(proposal.tenantId, proposal.programmeId),
    ]);
    const mine = proposal.answers[side]?.answer ?? null;
    const theirs = proposal.answers[side === 'mentor' ? 'mentee' : 'mentor']?.answer ?? null;
    return {
      id: proposal.id,
      programmeId: proposal.programmeId,
      programmeName: programme?.value.name ?? proposal.programmeId,
      role: side,
      partner: {
        personId: partnerId,
        displayName: person?.value.displayName ?? partnerId,
        jobTitle: person?.value.jobTitle ?? '',
        department: person?.value.department ?? '',
        languages: profile?.value.languages ?? [],
        timeZone: profile?.value.timeZone ?? person?.value.timeZone ?? 'Europe/Paris',
        bio: profile?.value.bio ?? '',
      },
      score: proposal.score,
      reasons: proposal.reasons.map((r) => r[lang]),
      status: proposal.status,
      myAnswer: mine,
      waitingForPartner: proposal.status === 'proposed' && mine === 'accepted' && theirs === null,
      expiresAt: proposal.expiresAt,
      pairId: proposal.status === 'accepted' ? proposal.pairId : null,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Helpers

  /** The programme, when the caller leads it (or leads every programme of the tenant). */
  private async managed(principal: Principal, programmeId: string): Promise<Versioned<Programme>> {
    const found = await this.deps.programmes.get(principal.tenantId, programmeId);
    const p = found.value;
    if (principal.isTenantLead || isProgrammeLead(p, principal.personId)) return found;
    if (p.status === 'draft') {
      throw new DomainError('programme_not_found', `Programme ${programmeId} was not found`, {
        id: programmeId,
      });
    }
    throw new DomainError('forbidden', 'Only a lead of this programme may do this.', {
      programmeId,
    });
  }

  private async drafts(
    tenantId: string,
    programmeId: string,
  ): Promise<Versioned<StoredProposal>[]> {
    const found = await this.deps.proposals.ofProgramme(tenantId, programmeId, ['proposed']);
    return found.filter((p) => p.value.publishedAt === null);
  }

  private async draft(
    tenantId: string,
    programmeId: string,
    id: string,
  ): Promise<Versioned<StoredProposal>> {
    const found = await this.deps.proposals.find(tenantId, id);
    if (!found || found.value.programmeId !== programmeId) {
      throw new DomainError('not_found', `Proposal ${id} was not found`, { proposalId: id });
    }
    if (found.value.status !== 'proposed' || found.value.publishedAt !== null) {
      throw new DomainError(
        'invalid_transition',
        `Proposal ${id} is already ${found.value.publishedAt ? 'published' : found.value.status}: only drafts can be changed`,
        { entity: 'proposal', id, from: found.value.status },
      );
    }
    return found;
  }

  /**
   * The people of the pairs the lead is choosing (a pin, a swap), as the engine would see them:
   * a pair's rules and score depend on the two people only, so a large cohort is not read for it.
   */
  private async cohort(
    tenantId: string,
    programme: Programme,
    ids: readonly string[],
    unblock: PairIds[] = [],
  ) {
    const people = [...new Set(ids)];
    const [profiles, proposals, pairs, directory] = await Promise.all([
      Promise.all(people.map((id) => this.deps.profiles.find(tenantId, id))),
      this.deps.proposals.involving(tenantId, programme.id, people, ['declined', 'expired']),
      this.deps.pairs.query(tenantId, {
        where: 'ARRAY_CONTAINS(@ids, c.mentorId) OR ARRAY_CONTAINS(@ids, c.menteeId)',
        parameters: [{ name: '@ids', value: people }],
      }),
      this.managementChains(tenantId, people),
    ]);
    // Everyone they were ever paired with (any programme, any state): a pin or a swap must not
    // bring two former partners together again.
    const partnersOf = pastPartners(
      pairs.map((p) => p.value),
      () => true,
    );
    const active = profiles
      .filter((p) => p !== undefined && p.value.programmeId === programme.id)
      .map((p) => p!.value)
      .filter((p) => isAvailableForMatching(p, this.deps.clock));
    const lifted = new Set(unblock.map(key));
    const input = buildMatchingInput({
      programme,
      pool: active.map((profile) => ({
        profile,
        person: directory.get(profile.id),
        role: profile.roleWish,
        capacity: profile.mentorCapacity,
        previousPartners: [...profile.previousPartnerIds, ...(partnersOf.get(profile.id) ?? [])],
      })),
      directory,
      pins: [],
      blocks: [
        ...programme.constraints.blocks.filter((b) => !lifted.has(key(b))),
        ...proposals.map((p) => p.value),
      ],
    });
    return { prepared: prepareCohort(input), directory };
  }

  /** The directory entries of `ids` and of everyone above them (to tell reporting lines). */
  private async managementChains(
    tenantId: string,
    ids: readonly string[],
  ): Promise<Map<string, Person>> {
    const directory = new Map<string, Person>();
    let next = [...new Set(ids)];
    // One query per level of the hierarchy; a cycle in the directory stops at people already read.
    while (next.length > 0) {
      const found = await this.directoryOf(tenantId, next);
      for (const [id, person] of found) directory.set(id, person);
      next = [
        ...new Set(
          [...found.values()]
            .map((p) => p.managerId)
            .filter((m): m is string => m !== null && !directory.has(m)),
        ),
      ];
    }
    return directory;
  }

  private scorePair(
    cohort: Awaited<ReturnType<MatchingService['cohort']>>,
    programme: Programme,
    mentorId: string,
    menteeId: string,
    pinned = false,
  ) {
    const mentor = cohort.prepared.byId.get(mentorId);
    const mentee = cohort.prepared.byId.get(menteeId);
    const mentorName = cohort.directory.get(mentorId)?.displayName ?? mentorId;
    const menteeName = cohort.directory.get(menteeId)?.displayName ?? menteeId;
    if (!mentor || !mentee) {
      const missing = !mentor ? mentorName : menteeName;
      throw new DomainError(
        'validation_failed',
        `${missing} is not an active volunteer of this programme`,
        { personId: !mentor ? mentorId : menteeId },
      );
    }
    const evaluation = evaluatePair(cohort.prepared, mentor, mentee);
    return {
      mentorId,
      menteeId,
      mentorName,
      menteeName,
      violations: evaluation.violations,
      score: displayScore(evaluation.score),
      reasons: pairReasons(cohort.prepared, mentor, mentee, evaluation, pinned).map((r) => {
        const { fr, en } = localizeReason(r, programme);
        return { fr, en };
      }),
    };
  }

  /** The directory entries of `ids` (one query), for naming people on the lead's screen. */
  private async directoryOf(
    tenantId: string,
    ids: readonly string[],
  ): Promise<Map<string, Person>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await this.deps.people.query(tenantId, {
      where: 'ARRAY_CONTAINS(@ids, c.id)',
      parameters: [{ name: '@ids', value: unique }],
    });
    return new Map(found.map((p) => [p.value.id, p.value]));
  }

  private reviewPerson(id: string, directory: ReadonlyMap<string, Person>): ReviewPerson {
    const person = directory.get(id);
    return {
      personId: id,
      displayName: person?.displayName ?? id,
      department: person?.department ?? '',
      jobTitle: person?.jobTitle ?? '',
    };
  }

  private reviewPair(p: PairIds, directory: ReadonlyMap<string, Person>): ReviewPair {
    return {
      mentorId: p.mentorId,
      menteeId: p.menteeId,
      mentor: this.reviewPerson(p.mentorId, directory),
      mentee: this.reviewPerson(p.menteeId, directory),
    };
  }

  private reviewProposal(
    p: StoredProposal,
    directory: ReadonlyMap<string, Person>,
  ): ReviewProposal {
    return {
      id: p.id,
      runId: p.runId,
      mentor: this.reviewPerson(p.mentorId, directory),
      mentee: this.reviewPerson(p.menteeId, directory),
      score: p.score,
      reasons: p.reasons,
      status: p.status,
      stage: p.publishedAt === null ? 'draft' : 'published',
      kept: p.kept,
      pinned: p.pinned === true,
      answers: {
        mentor: p.answers.mentor?.answer ?? null,
        mentee: p.answers.mentee?.answer ?? null,
      },
      expiresAt: p.publishedAt === null ? null : p.expiresAt,
      pairId: p.pairId,
    };
  }

  private runView(run: MatchingRunDocument): MatchingRunResponse {
    return {
      id: run.id,
      programmeId: run.programmeId,
      trigger: run.trigger,
      status: run.status,
      phase: run.phase,
      progress: run.progress,
      solving: run.solving ?? null,
      requestedBy: run.requestedBy,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      error: run.error,
      summary: run.summary,
      warnings: run.warnings,
    };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private newId(prefix: string): string {
    return this.deps.newId?.(prefix) ?? `${prefix}-${randomUUID()}`;
  }

  private leaseMs(): number {
    return this.deps.leaseMs ?? defaultLeaseMs;
  }
}

/** Page `page` (from 1) of `items`, `size` a page. */
function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** Each person's partners in the pairs `counts` keeps, both ways. */
function pastPartners(pairs: readonly Pair[], counts: (pair: Pair) => boolean) {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  for (const pair of pairs) {
    if (!counts(pair)) continue;
    add(pair.mentorId, pair.menteeId);
    add(pair.menteeId, pair.mentorId);
  }
  return out;
}

/** Runs `work` over `items`, a bounded number at a time (the local server serves ~1,500 writes/s). */
async function inBatches<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += parallelWrites) {
    await Promise.all(items.slice(i, i + parallelWrites).map(work));
  }
}
