/**
 * The app's clock: the only place that reads the real time. Domain code receives `now` as a
 * parameter; servers and scripts ask a Clock. The simulator's controllable clock (fast-forward)
 * is another Clock, so nothing downstream changes when it arrives.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock that always says the same time: for tests and dry runs. */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return { now: () => new Date(ms) };
}

/** A clock that runs at real speed but `offsetMs` ahead of the real time. */
export function offsetClock(offsetMs: number, base: Clock = systemClock): Clock {
  return { now: () => new Date(base.now().getTime() + offsetMs) };
}
