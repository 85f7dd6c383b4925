import { ApiError } from '../../api/client';

/**
 * When a nudge or reminder was refused as too soon (409 `nudge_too_soon`), the date the next one
 * may go out (`details.nextAvailableAt`); null for any other failure.
 */
export function nextAvailableOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'nudge_too_soon') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('nextAvailableAt' in details)) {
    return null;
  }
  return typeof details.nextAvailableAt === 'string' ? details.nextAvailableAt : null;
}
