export { describeSchedule } from './describe.js';
export { reportPeriodForRun, type SchedulePeriodInput } from './report-period.js';
export {
  latestRunAtOrBefore,
  localSlot,
  nextRunAfter,
  nextRuns,
  type ScheduleFrequency,
  type ScheduleTiming,
  WEEKDAYS,
  type Weekday,
  weekdayOf,
} from './timing.js';
