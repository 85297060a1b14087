import cronstrue from 'cronstrue';
import type { ScheduleTiming, Weekday } from './timing.js';

const WEEKDAY_NAMES: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/**
 * When a schedule sends, in words: "Daily at 08:00, Asia/Manila", "Weekly on Monday at 08:00, Asia/Manila",
 * "Every 3 days from 2026-12-01 at 08:00, Asia/Manila", or for cron the expression read out by cronstrue on
 * a 24-hour clock: "At 08:00, Monday through Friday (Asia/Manila)". It describes, it never validates: the
 * timing is one the scheduler accepts (timingProblems), or a field it lacks is simply left out of the words.
 */
export function describeSchedule(timing: ScheduleTiming): string {
  const at = `at ${timing.sendTime}, ${timing.timezone}`;
  switch (timing.frequency) {
    case 'daily':
      return `Daily ${at}`;
    case 'every_3_days':
      return timing.anchorDate ? `Every 3 days from ${timing.anchorDate} ${at}` : `Every 3 days ${at}`;
    case 'weekly':
      return timing.weekday ? `Weekly on ${WEEKDAY_NAMES[timing.weekday]} ${at}` : `Weekly ${at}`;
    case 'cron':
      return `${cronInWords(timing.cronExpression ?? '')} (${timing.timezone})`;
  }
}

function cronInWords(expression: string): string {
  try {
    return cronstrue.toString(expression, {
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
      // cron-parser's numbering: 0 (and 7) is Sunday.
      dayOfWeekStartIndexZero: true,
    });
  } catch {
    // cronstrue reads fewer forms than cron-parser accepts: an expression it cannot read is shown as written.
    return `Cron "${expression}"`;
  }
}
