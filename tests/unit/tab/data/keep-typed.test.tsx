import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { ApiError } from '../../../../tab/src/api/client';
import { keepTyped } from '../../../../tab/src/data/keep-typed';
import { useMutation } from '../../../../tab/src/data/useMutation';
import { useResource } from '../../../../tab/src/data/useResource';

type Note = { title: string; body: string; tags: string[] };

describe('keepTyped', () => {
  it('takes the latest values except the fields the person changed since loading', () => {
    const base: Note = { title: 'Plan', body: 'Week 1', tags: ['a'] };
    const typed: Note = { title: 'Plan', body: 'Week 1 and 2', tags: ['a'] };
    const latest: Note = { title: 'Plan (renamed)', body: 'Week 1', tags: ['a', 'b'] };
    expect(keepTyped(base, typed, latest)).toEqual({
      title: 'Plan (renamed)',
      body: 'Week 1 and 2',
      tags: ['a', 'b'],
    });
  });

  it('compares lists by content, and with the comparison given', () => {
    const base = { tags: ['a'], n: 1 };
    expect(keepTyped(base, { tags: ['a'], n: 1 }, { tags: ['b'], n: 2 })).toEqual({
      tags: ['b'],
      n: 2,
    });
    const always = () => false;
    expect(keepTyped(base, { tags: ['a'], n: 1 }, { tags: ['b'], n: 2 }, always)).toEqual({
      tags: ['a'],
      n: 1,
    });
  });
});

/**
 * The screens' 409 behaviour, with the hooks alone: a save refused with `version_conflict`
 * reloads, shows the other person's change, and keeps what was typed.
 */
function NoteForm({
  load,
  save,
}: {
  load: () => Promise<Note & { version: string }>;
  save: (note: Note, version: string) => Promise<Note & { version: string }>;
}) {
  const note = useResource('note', load);
  const saving = useMutation(save);
  const [base, setBase] = useState<Note | null>(null);
  const [typed, setTyped] = useState<Note | null>(null);
  const [message, setMessage] = useState('');
  const loaded = note.data;
  if (!loaded) return <p>Loading</p>;
  const opened = base ?? loaded;
  const values = typed ?? loaded;
  const submit = async () => {
    const outcome = await saving.run(values, loaded.version);
    if (outcome.ok) {
      note.setData(outcome.data);
      setBase(null);
      setTyped(null);
      setMessage('Saved');
    } else if (outcome.conflict) {
      const latest = await note.reload();
      if (latest.ok) {
        setTyped(keepTyped(opened, values, latest.data));
        setBase(latest.data);
        setMessage('Changed elsewhere: reloaded, your text is kept');
      }
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        Title
        <input
          value={values.title}
          onChange={(e) => {
            setBase(opened);
            setTyped({ ...values, title: e.target.value });
          }}
        />
      </label>
      <label>
        Body
        <textarea
          value={values.body}
          onChange={(e) => {
            setBase(opened);
            setTyped({ ...values, body: e.target.value });
          }}
        />
      </label>
      <button type="submit" disabled={saving.busy}>
        Save
      </button>
      <p role="status">{message}</p>
    </form>
  );
}

describe('a save refused with version_conflict', () => {
  it('reloads, shows the change made elsewhere, keeps what was typed, and saves with the new version', async () => {
    const first = { title: 'Plan', body: 'Week 1', tags: [], version: 'v1' };
    const theirs = { title: 'Plan (renamed by Pierre)', body: 'Week 1', tags: [], version: 'v2' };
    const load = vi.fn().mockResolvedValueOnce(first).mockResolvedValueOnce(theirs);
    const save = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('version_conflict', 'stale', 409))
      .mockImplementationOnce((note: Note, version: string) =>
        Promise.resolve({ ...note, version: `${version}+1` }),
      );
    render(<NoteForm load={load} save={save} />);

    const body = await screen.findByLabelText('Body');
    fireEvent.change(body, { target: { value: 'Week 1, then week 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('your text is kept'));
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Body')).toHaveValue('Week 1, then week 2');
    expect(screen.getByLabelText('Title')).toHaveValue('Plan (renamed by Pierre)');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: 'Plan (renamed by Pierre)', body: 'Week 1, then week 2' }),
      'v2',
    );
  });
});
