/** Our job schedulers, one per enabled schedule; other schedulers on the queue are not ours to touch. */
export const SCHEDULER_ID_PREFIX = 'report-schedule:';

export function schedulerIdFor(scheduleId: string): string {
  return `${SCHEDULER_ID_PREFIX}${scheduleId}`;
}

/** The id BullMQ gives a scheduler's job for one slot (`repeat:<schedulerId>:<millis>`). */
export function slotJobId(schedulerId: string, slotMillis: number): string {
  return `repeat:${schedulerId}:${slotMillis}`;
}

/**
 * Deterministic, so every reconcile that finds the same missed run merges into one job while it is kept.
 * (BullMQ refuses ':' in custom job ids.)
 */
export function catchUpJobId(scheduleId: string, slot: Date): string {
  return `catch-up-${scheduleId}-${slot.getTime()}`;
}
