export {
  latestRunAtOrBefore,
  localSlot,
  nextRunAfter,
  nextRuns,
  type ScheduleFrequency,
  type ScheduleTiming,
} from './timing.js';
