import { z } from 'zod';
import type { Clock } from '../clock';
import {
  dateTime,
  group,
  idOf,
  idSchema,
  integer,
  issuesOf,
  list,
  tenantIdSchema,
  text,
} from '../common';
import { DomainError } from '../errors';

/**
 * Private notes: visible to their author alone. All of one member's notes on one pair live in one
 * document (their "notebook", id `pairId:authorId`), so the dashboard reads them with a point read
 * and nothing can list another member's notes.
 */

export const maxPrivateNotes = 52;

export const notebookNoteSchema = group('note', {
  sessionId: idOf('sessionId'),
  text: text('text', { max: 10_000 }),
  /** 1 on the first save, +1 on each change: the note's own version. */
  revision: integer('revision', 1, 1_000_000),
  updatedAt: dateTime('updatedAt'),
});
export type NotebookNote = z.infer<typeof notebookNoteSchema>;

export const privateNotebookSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  pairId: idOf('pairId'),
  authorId: idOf('authorId'),
  // 52 notes of 10,000 characters stay under Cosmos DB's 2 MB per document.
  notes: list('notes', notebookNoteSchema).max(maxPrivateNotes, {
    error: `a member keeps at most ${maxPrivateNotes} private notes per pair`,
  }),
  updatedAt: dateTime('updatedAt'),
});
export type PrivateNotebook = z.infer<typeof privateNotebookSchema>;

/** The id of `authorId`'s notebook on `pairId`. */
export function privateNotebookId(pairId: string, authorId: string): string {
  return `${pairId}:${authorId}`;
}

export type WriteNoteInput = {
  tenantId: string;
  pairId: string;
  authorId: string;
  sessionId: string;
  text: string;
  /** The revision the author edited (0: a new note); absent: overwrite (the author's own text). */
  expectedRevision?: number;
};

/**
 * The author writes their note on a session. A stale `expectedRevision` is `version_conflict`
 * with the current note in `details.current`; the same text again is a no-op.
 */
export function writePrivateNote(
  notebook: PrivateNotebook | undefined,
  input: WriteNoteInput,
  clock: Clock,
): { notebook: PrivateNotebook; note: NotebookNote; changed: boolean } {
  const now = clock.now().toISOString();
  const base: PrivateNotebook = notebook ?? {
    id: privateNotebookId(input.pairId, input.authorId),
    tenantId: input.tenantId,
    pairId: input.pairId,
    authorId: input.authorId,
    notes: [],
    updatedAt: now,
  };
  if (base.authorId !== input.authorId || base.pairId !== input.pairId) {
    throw new DomainError('forbidden', 'A private note is written by its author only', {
      pairId: input.pairId,
    });
  }
  const index = base.notes.findIndex((n) => n.sessionId === input.sessionId);
  const current = base.notes[index];
  const currentRevision = current?.revision ?? 0;
  if (input.expectedRevision !== undefined && input.expectedRevision !== currentRevision) {
    if (current?.text === input.text) return { notebook: base, note: current, changed: false };
    throw new DomainError(
      'version_conflict',
      'This private note was changed elsewhere (another window?); reload it, your text is kept',
      { sessionId: input.sessionId, ...(current ? { current } : {}) },
    );
  }
  if (current && current.text === input.text) {
    return { notebook: base, note: current, changed: false };
  }
  const parsed = notebookNoteSchema.safeParse({
    sessionId: input.sessionId,
    text: input.text,
    revision: currentRevision + 1,
    updatedAt: now,
  });
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new DomainError(
      'validation_failed',
      `Invalid private note: ${issues[0]?.message ?? ''}`,
      {
        issues,
      },
    );
  }
  const notes = base.notes.slice();
  if (index >= 0) notes[index] = parsed.data;
  else notes.push(parsed.data);
  if (notes.length > maxPrivateNotes) {
    throw new DomainError(
      'validation_failed',
      `At most ${maxPrivateNotes} private notes per pair`,
      {
        issues: [{ path: 'text', message: `at most ${maxPrivateNotes} private notes per pair` }],
      },
    );
  }
  return { notebook: { ...base, notes, updatedAt: now }, note: parsed.data, changed: true };
}
