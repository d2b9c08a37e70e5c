/**
 * The clock is a port: scheduled functions and tests run "as of" a chosen time
 * (`npm run job -- <name> --at <ISO time>`), so nothing reads the system time directly.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export const fixedClock = (at: Date): Clock => ({ now: () => new Date(at.getTime()) })

/** A clock tests can move forward. */
export class ManualClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at.getTime())
  }
  set(at: Date): void {
    this.at = at
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms)
  }
}
