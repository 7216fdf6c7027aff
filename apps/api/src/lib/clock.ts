import { todayInShanghai } from '@rectify/domain';

/** Services ask the clock for "today" so tests can fix the date. */
export interface Clock {
  today(): string;
  now(): Date;
}

export const systemClock: Clock = { today: () => todayInShanghai(), now: () => new Date() };

export const fixedClock = (today: string): Clock => ({ today: () => today, now: () => new Date(`${today}T04:00:00Z`) });
