import type { MatchingRunResponse } from '../../contracts/matching';
import { DomainError, isDomainError } from '../../domain/errors';
import { proposalExpiry } from '../../domain/match-proposal';
import type { MatchingResult, RoundInfo } from '../../matching/engine';
import type { MatchingRunDocument } from '../../store/job-repository';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import { localizeReason } from './matching-input';
import type { ProposalNotices } from './notices';
import type { RunLease } from './run-lease';
import { loadSnapshot, solveSnapshot, type Snapshot } from './run-snapshot';
import {
  inBatches,
  isoNow,
  managed,
  newId,
  savedPerReport,
  withdraw,
  type MatchingServiceDeps,
} from './shared';
import { runView } from './views';

export type MatchingRunsDeps = MatchingServiceDeps & { lease: RunLease; notices: ProposalNotices };

/** The review lists at most this many unmatched people (the run document stays far below 2 MB). */
const unmatchedCap = 2000;

/**
 * Background runs, one at a time per programme: the lead's, and the repair runs that propose the
 * next best to people freed by a decline, an expiry or a withdrawal (published at once).
 */
export class MatchingRuns {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: MatchingRunsDeps) {}

  /** Starts a run for the lead, or returns the one already under way (a double click starts one). */
  async startRun(principal: Principal, programmeId: string): Promise<MatchingRunResponse> {
    const { value: programme } = await managed(this.deps, principal, programmeId);
    if (programme.status === 'draft' || programme.status === 'closed') {
      throw new DomainError(
        'invalid_transition',
        `Matching needs an open programme; this one is ${programme.status}.`,
        { entity: 'programme', id: programmeId, from: programme.status, to: 'matching' },
      );
    }
    const { run } = await this.start(principal.tenantId, programmeId, 'lead', principal.personId);
    return runView(run);
  }

  /** A run's progress and outcome. */
  async getRun(
    principal: Principal,
    programmeId: string,
    runId: string,
  ): Promise<MatchingRunResponse> {
    await managed(this.deps, principal, programmeId);
    const found = await this.deps.runs.find(principal.tenantId, runId);
    if (!found || found.value.programmeId !== programmeId) {
      throw new DomainError('not_found', `Matching run ${runId} was not found`, { runId });
    }
    return runView(await this.settleStale(found.value));
  }

  /** Waits for the runs this instance is executing (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async start(
    tenantId: string,
    programmeId: string,
    trigger: MatchingRunDocument['trigger'],
    requestedBy: string,
  ): Promise<{ run: MatchingRunDocument; started: boolean }> {
    const now = isoNow(this.deps.clock);
    const run: MatchingRunDocument = {
      id: newId(this.deps, 'run'),
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
    const held = await this.deps.lease.acquire(tenantId, programmeId, run.id, trigger);
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

  private launch(run: MatchingRunDocument): void {
    // The request that started the run returns first; the run goes on in the background.
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.execute(run))
      .catch((error: unknown) => this.deps.log.error(`matching run ${run.id} failed`, error))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private async execute(run: MatchingRunDocument): Promise<void> {
    const { tenantId, programmeId } = run;
    const heartbeat = setInterval(() => {
      this.deps.lease
        .renew(tenantId, programmeId, run.id)
        .catch((error: unknown) =>
          this.deps.log.error(`matching run ${run.id}: renewing its lease`, error),
        );
    }, this.deps.lease.ms / 3);
    heartbeat.unref();
    try {
      await this.progress(run, { status: 'running', phase: 'loading', progress: 5 });
      const snapshot = await loadSnapshot(this.deps, tenantId, programmeId, run.trigger);
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
              updatedAt: isoNow(this.deps.clock),
            })),
          )
          .then(
            () => undefined,
            (error: unknown) => this.deps.log.error(`matching run ${run.id}: reporting progress`, error),
          );
      };
      const outcome = await solveSnapshot(this.deps, snapshot, onRound);
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
        updatedAt: isoNow(this.deps.clock),
        finishedAt: isoNow(this.deps.clock),
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
      this.deps.log.error(`matching run ${run.id} failed`, error);
      await this.deps.runs
        .update(tenantId, run.id, (doc) => ({
          ...doc,
          status: 'failed',
          phase: 'done',
          updatedAt: isoNow(this.deps.clock),
          finishedAt: isoNow(this.deps.clock),
          error: isDomainError(error)
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: 'The matching run failed on our side.' },
        }))
        .catch((e: unknown) => this.deps.log.error(`matching run ${run.id}: recording the failure`, e));
    } finally {
      clearInterval(heartbeat);
      const pending = await this.deps.lease
        .release(tenantId, programmeId, run.id)
        .catch((e: unknown) => {
          this.deps.log.error(`matching run ${run.id}: releasing the programme`, e);
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
      updatedAt: isoNow(this.deps.clock),
    }));
  }

  /** A queued or running run whose holder stopped (crash, restart) is reported as failed. */
  async settleStale(run: MatchingRunDocument): Promise<MatchingRunDocument> {
    if (run.status !== 'queued' && run.status !== 'running') return run;
    const holder = await this.deps.lease.activeRunId(run.tenantId, run.programmeId);
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
            updatedAt: isoNow(this.deps.clock),
            finishedAt: isoNow(this.deps.clock),
            error: { code: 'internal', message: 'The run was interrupted; start it again.' },
          }
        : doc,
    );
    return updated.value;
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
    await inBatches(snapshot.replaced, (found) => withdraw(this.deps, found));
    const proposals: StoredProposal[] = result.pairs.map((pair) => ({
      id: newId(this.deps, 'prop'),
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
    for (let i = 0; i < proposals.length; i += savedPerReport) {
      const slice = proposals.slice(i, i + savedPerReport);
      await inBatches(slice, (p) => this.deps.proposals.create(p));
      done += slice.length;
      await onProgress(done, proposals.length);
    }
    if (publish) {
      const zones = new Map(snapshot.active.map((p) => [p.id, p.timeZone]));
      await this.deps.notices.announce(programme, proposals, snapshot.directory, zones, 'repair');
    }
    return proposals.length;
  }

  /** Lets a repair run propose the next best to people freed by a decline or an expiry. */
  async requestRepair(tenantId: string, programmeId: string): Promise<void> {
    try {
      await this.start(tenantId, programmeId, 'repair', 'system');
    } catch (error) {
      // The answer itself is saved; the next read or the scheduler asks for the repair again.
      this.deps.log.error(`repair run for ${programmeId} could not start`, error);
    }
  }
}
