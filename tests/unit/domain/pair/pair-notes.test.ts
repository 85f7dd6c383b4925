import { fixedClock } from '../../../../src/domain';
import {
  privateNotebookId,
  privateNotebookSchema,
  writePrivateNote,
  type WriteNoteInput,
} from '../../../../src/domain/pair/private-notes';
import { thrown } from '../../../support/thrown';

const clock = fixedClock('2026-03-10T12:00:00.000Z');
const input = (overrides: Partial<WriteNoteInput> = {}): WriteNoteInput => ({
  tenantId: 't1',
  pairId: 'pair-1',
  authorId: 'mentee-1',
  sessionId: 's1',
  text: 'Ask about DAX',
  ...overrides,
});

describe('a private notebook', () => {
  it('is created with the first note, one per author per pair', () => {
    const { notebook, note, changed } = writePrivateNote(undefined, input(), clock);
    expect(changed).toBe(true);
    expect(notebook.id).toBe(privateNotebookId('pair-1', 'mentee-1'));
    expect(privateNotebookSchema.safeParse(notebook).success).toBe(true);
    expect(note).toEqual({
      sessionId: 's1',
      text: 'Ask about DAX',
      revision: 1,
      updatedAt: '2026-03-10T12:00:00.000Z',
    });
  });

  it('keeps one note per session, bumps its revision on a change, ignores the same text', () => {
    const one = writePrivateNote(undefined, input(), clock).notebook;
    const two = writePrivateNote(one, input({ sessionId: 's2', text: 'Other' }), clock).notebook;
    const edited = writePrivateNote(two, input({ text: 'Ask about DAX measures' }), clock);
    expect(edited.notebook.notes.map((n) => [n.sessionId, n.revision])).toEqual([
      ['s1', 2],
      ['s2', 1],
    ]);
    expect(
      writePrivateNote(edited.notebook, input({ text: 'Ask about DAX measures' }), clock).changed,
    ).toBe(false);
  });

  it('refuses a stale revision with the current note, but not one on another session', () => {
    const one = writePrivateNote(undefined, input(), clock).notebook;
    const two = writePrivateNote(
      one,
      input({ text: 'Newer', expectedRevision: 1 }),
      clock,
    ).notebook;
    const stale = thrown(() =>
      writePrivateNote(two, input({ text: 'Older', expectedRevision: 1 }), clock),
    );
    expect(stale.code).toBe('version_conflict');
    expect(stale.details?.current).toMatchObject({ text: 'Newer', revision: 2 });
    expect(
      writePrivateNote(two, input({ sessionId: 's2', text: 'New', expectedRevision: 0 }), clock)
        .changed,
    ).toBe(true);
  });

  it('belongs to its author: another member cannot write into it', () => {
    const one = writePrivateNote(undefined, input(), clock).notebook;
    expect(thrown(() => writePrivateNote(one, input({ authorId: 'mentor-1' }), clock)).code).toBe(
      'forbidden',
    );
  });

  it('names the field of a note that is too long', () => {
    const error = thrown(() =>
      writePrivateNote(undefined, input({ text: 'x'.repeat(10_001) }), clock),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'text' })]);
  });
});
