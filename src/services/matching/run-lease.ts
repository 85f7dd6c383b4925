import { DomainError, isDomainError } from '../../domain/errors';
import { isLeaseLive, takeLease } from '../../domain/lease';
import {
  MatchingLockRepository,
  type MatchingLockDocument,
  type MatchingRunDocument,
} from '../../store/job-repository';
import { isoNow, type MatchingServiceDeps } from './shared';

export type RunLeaseDeps = Pick<MatchingServiceDeps, 'locks' | 'clock' | 'leaseMs'>;

// Short, and renewed while the run goes on: a run lost in a restart frees its programme in a minute.
const defaultLeaseMs = 60 * 1000;

/** The lock's lease in the app's one lease shape (the document keeps its own field names). */
const leaseOf = (lock: MatchingLockDocument) =>
  lock.runId !== null && lock.leaseUntil !== null
    ? { by: lock.runId, until: lock.leaseUntil }
    : null;

function isHeld(lock: MatchingLockDocument, now: Date): boolean {
  return isLeaseLive(leaseOf(lock), now);
}

/**
 * One run at a time per programme: a lock document in the jobs container, leased to the run that
 * holds it so that a crashed instance frees its programme.
 */
export class RunLease {
  constructor(private readonly deps: RunLeaseDeps) {}

  /** How long a lease lasts. */
  get ms(): number {
    return this.deps.leaseMs ?? defaultLeaseMs;
  }

  /** Takes the programme's lock for `runId`; returns the run that holds it (maybe another). */
  async acquire(
    tenantId: string,
    programmeId: string,
    runId: string,
    trigger: MatchingRunDocument['trigger'],
  ): Promise<string> {
    const id = MatchingLockRepository.idFor(programmeId);
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await this.deps.locks.find(tenantId, id);
      const now = this.deps.clock.now();
      try {
        if (current && isHeld(current.value, now)) {
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
          leaseUntil: takeLease(runId, now, this.ms).until,
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
  async renew(tenantId: string, programmeId: string, runId: string): Promise<void> {
    await this.deps.locks.update(tenantId, MatchingLockRepository.idFor(programmeId), (lock) =>
      lock.runId === runId
        ? {
            ...lock,
            leaseUntil: takeLease(runId, this.deps.clock.now(), this.ms).until,
            updatedAt: isoNow(this.deps.clock),
          }
        : lock,
    );
  }

  /** Frees the programme; true when people freed during the run wait for a repair run. */
  async release(tenantId: string, programmeId: string, runId: string): Promise<boolean> {
    let pending = false;
    await this.deps.locks.update(tenantId, MatchingLockRepository.idFor(programmeId), (lock) => {
      if (lock.runId !== runId) return lock;
      pending = lock.repairPending;
      return {
        ...lock,
        runId: null,
        leaseUntil: null,
        repairPending: false,
        updatedAt: isoNow(this.deps.clock),
      };
    });
    return pending;
  }

  /** The run holding the programme now, if any. */
  async activeRunId(tenantId: string, programmeId: string): Promise<string | null> {
    const lock = await this.deps.locks.find(tenantId, MatchingLockRepository.idFor(programmeId));
    return lock && isHeld(lock.value, this.deps.clock.now()) ? lock.value.runId : null;
  }

  /** Refuses a change to the review while a run is about to replace it. */
  async assertIdle(tenantId: string, programmeId: string): Promise<void> {
    const runId = await this.activeRunId(tenantId, programmeId);
    if (runId) {
      throw new DomainError(
        'invalid_transition',
        'A matching run is under way: wait for it to finish.',
        { entity: 'programme', id: programmeId, runId },
      );
    }
  }
}
