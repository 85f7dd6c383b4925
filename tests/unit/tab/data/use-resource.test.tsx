import { act, renderHook, waitFor } from '@testing-library/react';
import { useResource } from '../../../../tab/src/data/useResource';

/** A load the test settles by hand, remembering the signal it was given. */
function deferredLoads<T>() {
  const calls: {
    signal: AbortSignal;
    resolve: (value: T) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { calls, load };
}

describe('useResource', () => {
  it('loads what the key names and says it is loading until then', async () => {
    const { calls, load } = deferredLoads<string>();
    const { result } = renderHook(() => useResource('a', load));
    expect(result.current).toMatchObject({ data: undefined, loading: true, error: null });
    await act(async () => calls[0]!.resolve('A'));
    expect(result.current).toMatchObject({ data: 'A', loading: false, error: null });
  });

  it('aborts the request when the component goes, and never sets state afterwards', async () => {
    const { calls, load } = deferredLoads<string>();
    const { unmount } = renderHook(() => useResource('a', load));
    expect(calls).toHaveLength(1);
    unmount();
    expect(calls[0]!.signal.aborted).toBe(true);
    // A late answer after unmount is ignored (React would warn on a state update otherwise).
    await act(async () => calls[0]!.resolve('late'));
  });

  it('a new key aborts the previous load, and its late answer never shows as the new one', async () => {
    const { calls, load } = deferredLoads<string>();
    const { result, rerender } = renderHook(({ key }) => useResource(key, load), {
      initialProps: { key: 'a' },
    });
    rerender({ key: 'b' });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);
    await act(async () => calls[0]!.resolve('A (late)'));
    expect(result.current.data).toBeUndefined();
    await act(async () => calls[1]!.resolve('B'));
    expect(result.current.data).toBe('B');
  });

  it('drops the previous data on a new key, unless asked to keep it while the next page loads', async () => {
    const plain = deferredLoads<string>();
    const dropping = renderHook(({ key }) => useResource(key, plain.load), {
      initialProps: { key: 'page-1' },
    });
    await act(async () => plain.calls[0]!.resolve('first page'));
    dropping.rerender({ key: 'page-2' });
    expect(dropping.result.current).toMatchObject({ data: undefined, loading: true });

    const kept = deferredLoads<string>();
    const keeping = renderHook(({ key }) => useResource(key, kept.load, { keepPrevious: true }), {
      initialProps: { key: 'page-1' },
    });
    await act(async () => kept.calls[0]!.resolve('first page'));
    keeping.rerender({ key: 'page-2' });
    expect(keeping.result.current).toMatchObject({ data: 'first page', loading: true });
    await waitFor(() => expect(kept.calls).toHaveLength(2));
    await act(async () => kept.calls[1]!.resolve('second page'));
    expect(keeping.result.current.data).toBe('second page');
  });

  it('does not load while the key is null', () => {
    const load = vi.fn(() => Promise.resolve('never'));
    const { result } = renderHook(() => useResource(null, load));
    expect(load).not.toHaveBeenCalled();
    expect(result.current).toMatchObject({ data: undefined, loading: false, error: null });
  });

  it('keeps the error of a failed load, and a reload that succeeds clears it', async () => {
    const { calls, load } = deferredLoads<string>();
    const { result } = renderHook(() => useResource('a', load));
    const failure = new Error('store down');
    await act(async () => calls[0]!.reject(failure));
    expect(result.current).toMatchObject({ data: undefined, loading: false, error: failure });

    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current.reload();
    });
    expect(result.current.loading).toBe(true);
    await act(async () => calls[1]!.resolve('A'));
    await expect(outcome).resolves.toEqual({ ok: true, data: 'A' });
    expect(result.current).toMatchObject({ data: 'A', loading: false, error: null });
  });

  it('a reload keeps the data on screen, and a failed reload keeps it too', async () => {
    const { calls, load } = deferredLoads<string>();
    const { result } = renderHook(() => useResource('a', load));
    await act(async () => calls[0]!.resolve('A'));
    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current.reload();
    });
    expect(result.current).toMatchObject({ data: 'A', loading: true });
    const failure = new Error('network');
    await act(async () => calls[1]!.reject(failure));
    await expect(outcome).resolves.toEqual({ ok: false, error: failure, aborted: false });
    expect(result.current).toMatchObject({ data: 'A', loading: false, error: failure });
  });

  it('a reload aborts the load under way, whose answer is then ignored', async () => {
    const { calls, load } = deferredLoads<string>();
    const { result } = renderHook(() => useResource('a', load));
    act(() => void result.current.reload());
    expect(calls).toHaveLength(2);
    expect(calls[0]!.signal.aborted).toBe(true);
    await act(async () => calls[1]!.resolve('fresh'));
    await act(async () => calls[0]!.resolve('stale'));
    expect(result.current.data).toBe('fresh');
  });

  it('takes what a write returned without a round trip', async () => {
    const { calls, load } = deferredLoads<{ n: number }>();
    const { result } = renderHook(() => useResource('a', load));
    await act(async () => calls[0]!.resolve({ n: 1 }));
    act(() => result.current.setData((current) => ({ n: (current?.n ?? 0) + 1 })));
    expect(result.current.data).toEqual({ n: 2 });
    expect(calls).toHaveLength(1);
  });
});
