import { SessionGate } from '../auth/SessionProvider';
import { OpenScreenFrame, type ScreenFrameProps } from './OpenScreenFrame';

/**
 * A screen's frame (see `OpenScreenFrame`) with its content behind the session gate: someone is
 * signed in and `/api/me` is loaded before the content shows.
 */
export function ScreenFrame({ children, ...frame }: ScreenFrameProps) {
  return (
    <OpenScreenFrame {...frame}>
      <SessionGate>{children}</SessionGate>
    </OpenScreenFrame>
  );
}
