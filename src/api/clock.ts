import { badRequest } from '../model/errors.js';

/** Where every actor reads the time; the real clock, or a virtual one that moves only when told. */
export interface Clock {
  now(): Date;
}

export const realClock: Clock = { now: () => new Date() };

/** A clock that stands still until set forward; never backwards. */
export class VirtualClock implements Clock {
  #time: number;

  constructor(time: number) {
    this.#time = time;
  }

  now(): Date {
    return new Date(this.#time);
  }

  set(time: number): void {
    if (time < this.#time) throw badRequest(`the clock never moves backwards: it reads ${new Date(this.#time).toISOString()}`);
    this.#time = time;
  }
}
