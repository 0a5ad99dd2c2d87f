/** One clock for the core, so tests can pin it and every stored time is ISO 8601 UTC. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const isoNow = (clock: Clock): string => clock.now().toISOString();
