import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { CannedApi } from './canned-api';
import { useCanned } from './use-canned';

describe('useCanned', () => {
  afterEach(cleanup);

  it('loads nothing until asked, then loads once and keeps the list', async () => {
    const list = vi.fn<CannedApi['list']>().mockResolvedValue([]);
    const api = { list };
    const { result } = renderHook(() => useCanned(api));
    expect(result.current.state).toEqual({ status: 'idle' });
    expect(list).not.toHaveBeenCalled();
    act(() => result.current.load());
    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', responses: [] }));
    act(() => result.current.load());
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('tries again when asked after a failure', async () => {
    const list = vi
      .fn<CannedApi['list']>()
      .mockRejectedValueOnce(new ApiError('NETWORK', 'down'))
      .mockResolvedValueOnce([]);
    const api = { list };
    const { result } = renderHook(() => useCanned(api));
    act(() => result.current.load());
    await waitFor(() => expect(result.current.state.status).toBe('failed'));
    act(() => result.current.load());
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(list).toHaveBeenCalledTimes(2);
  });
});
