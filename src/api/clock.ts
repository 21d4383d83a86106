/** Where every actor reads the time; the real clock in the CLI and server, a virtual one in tests. */
export interface Clock {
  now(): Date;
}

export const realClock: Clock = { now: () => new Date() };
