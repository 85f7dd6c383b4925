/** Where time comes from: the domain never calls Date.now() itself. */
export interface Clock {
  now(): Date;
}

/** The wall clock, wired in src/main.ts. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where tests put it. */
export function fixedClock(
  at: Date | string,
): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
