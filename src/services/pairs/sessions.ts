import type { ActionItemCreateBody, PairResponse, SessionCreateBody } from '../../contracts/pairs';
import type { SessionStatus } from '../../domain/pair/schema';
import {
  addActionItem,
  editSessionNotes,
  planSession,
  setActionItemDone,
  setSessionStatus,
} from '../../domain/pair/sessions';
import type { Principal } from '../auth/principal';
import type { PairUseCaseDeps } from './pair-access';

/** The pair's sessions: planned by hand, what became of them, agenda, shared notes, action items. */
export class PairSessions {
  constructor(private readonly deps: PairUseCaseDeps) {}

  /** Plan a session by hand. */
  async planSession(
    principal: Principal,
    pairId: string,
    body: SessionCreateBody,
  ): Promise<PairResponse> {
    const id = this.deps.access.newId('session');
    return this.deps.access.write(principal, pairId, body.version, 'move', (pair) =>
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
    return this.deps.access.write(principal, pairId, version, 'move', (pair) =>
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
    return this.deps.access.write(principal, pairId, version, 'edit', (pair) =>
      editSessionNotes(pair, sessionId, changes, principal.personId, this.deps.clock),
    );
  }

  async addActionItem(
    principal: Principal,
    pairId: string,
    sessionId: string,
    body: ActionItemCreateBody,
  ): Promise<PairResponse> {
    const id = body.id ?? this.deps.access.newId('action');
    return this.deps.access.write(principal, pairId, body.version, 'move', (pair) =>
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
    return this.deps.access.write(principal, pairId, version, 'move', (pair) =>
      setActionItemDone(pair, sessionId, itemId, done, principal.personId, this.deps.clock),
    );
  }
}
