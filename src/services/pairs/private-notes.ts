import type { PrivateNoteResponse } from '../../contracts/pairs';
import { DomainError, isDomainError } from '../../domain/errors';
import { writePrivateNote, type NotebookNote } from '../../domain/pair/private-notes';
import type { Principal } from '../auth/principal';
import { maxAttempts, type PairUseCaseDeps } from './pair-access';
import { privateNoteView } from './pair-view';

/** Each member's private notes on the pair's sessions, read and written by their author only. */
export class PrivateNotes {
  constructor(private readonly deps: PairUseCaseDeps) {}

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
    const pair = this.deps.access.requireMember(principal, pairId, found).value;
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
}
