import { act, renderHook } from '@testing-library/react';
import { ApiError } from '../../../../tab/src/api/client';
import { isVersionConflict, useMutation } from '../../../../tab/src/data/useMutation';

describe('useMutation', () => {
  it('is busy while the write is under way and hands back its answer', async () => {
    let finish: (value: string) => void = () => undefined;
    const send = vi.fn(
      (name: string) =>
        new Promise<string>((resolve) => {
          finish = (value) => resolve(`${value} ${name}`);
        }),
    );
    const { result } = renderHook(() => useMutation(send));
    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current.run('Louise');
    });
    expect(send).toHaveBeenCalledWith('Louise');
    expect(result.current.busy).toBe(true);
    await act(async () => finish('saved'));
    await expect(outcome).resolves.toEqual({ ok: true, data: 'saved Louise' });
    expect(result.current).toMatchObject({ busy: false, error: null, conflict: false });
  });

  it('never throws: a failure is in the outcome and in `error` until the next write', async () => {
    const failure = new ApiError('forbidden', 'no', 403);
    const send = vi.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce('ok');
    const { result } = renderHook(() => useMutation(send));
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.run();
    });
    expect(outcome).toEqual({ ok: false, error: failure, conflict: false });
    expect(result.current).toMatchObject({ busy: false, error: failure, conflict: false });
    await act(async () => {
      await result.current.run();
    });
    expect(result.current.error).toBeNull();
  });

  it('says a version_conflict is a conflict (a 409 or a 412 without a body maps to it too)', async () => {
    const conflict = new ApiError('version_conflict', 'stale', 409);
    const { result } = renderHook(() => useMutation(() => Promise.reject(conflict)));
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.run();
    });
    expect(outcome).toEqual({ ok: false, error: conflict, conflict: true });
    expect(result.current.conflict).toBe(true);
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ error: null, conflict: false });
  });

  it('another 409 code is not a version conflict', () => {
    expect(isVersionConflict(new ApiError('invalid_transition', 'no', 409))).toBe(false);
    expect(isVersionConflict(new ApiError('version_conflict', 'stale', 412))).toBe(true);
    expect(isVersionConflict(new Error('version_conflict'))).toBe(false);
  });
});
