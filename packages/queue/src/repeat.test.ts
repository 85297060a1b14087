import type { ScheduleTiming } from '@reportmail/schedules';
import { describe, expect, it } from 'vitest';
import { decodeTiming, encodeTiming, scheduleRepeatStrategy } from './repeat.js';

const weekly: ScheduleTiming = {
  frequency: 'weekly',
  sendTime: '09:00',
  timezone: 'Asia/Manila',
  anchorDate: null,
  weekday: 'wednesday',
  cronExpression: null,
};

describe('encodeTiming / decodeTiming', () => {
  it('keeps a weekly schedule weekday', () => {
    const pattern = encodeTiming(weekly);
    expect(pattern).toBe(
      '{"frequency":"weekly","sendTime":"09:00","timezone":"Asia/Manila","anchorDate":null,"cronExpression":null,"weekday":"wednesday"}',
    );
    expect(decodeTiming(pattern)).toEqual(weekly);
  });

  it('writes the other frequencies exactly as before weekdays existed (no scheduler is replaced for it)', () => {
    const daily: ScheduleTiming = { ...weekly, frequency: 'daily', weekday: null };
    expect(encodeTiming(daily)).toBe(
      '{"frequency":"daily","sendTime":"09:00","timezone":"Asia/Manila","anchorDate":null,"cronExpression":null}',
    );
  });

  it("reads a weekly pattern stored before weekdays existed as its anchor date's weekday", () => {
    const old =
      '{"frequency":"weekly","sendTime":"09:00","timezone":"Asia/Manila","anchorDate":"2026-03-04","cronExpression":null}';
    expect(decodeTiming(old)).toEqual(weekly);
    // Wednesday Mar 11, 09:00 in Manila: the run after Monday Mar 9.
    expect(scheduleRepeatStrategy(Date.parse('2026-03-09T00:00:00Z'), { pattern: old })).toBe(
      Date.parse('2026-03-11T01:00:00Z'),
    );
  });

  it('refuses a weekday that is not one', () => {
    expect(() => encodeTiming({ ...weekly, weekday: 'someday' as 'monday' })).toThrow(/weekday/);
  });
});
