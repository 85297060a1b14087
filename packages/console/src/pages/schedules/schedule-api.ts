import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type paths, unwrap } from '../../api/client';
import { scheduleValues, timingOf } from './schedule-form';

type Json<Reply> = Reply extends { content: { 'application/json': infer Body } } ? Body : never;

export type Schedule = Json<paths['/v1/schedules/{id}']['get']['responses'][200]>;
export type ScheduleBody = paths['/v1/schedules']['post']['requestBody']['content']['application/json'];
export type TimingBody = paths['/v1/schedules/timing']['post']['requestBody']['content']['application/json'];
export type DraftTiming = Json<paths['/v1/schedules/timing']['post']['responses'][200]>;
export type Period = DraftTiming['sendNow'];

/** The list shows up to the API's page maximum per page. */
export const SCHEDULES_PAGE_SIZE = 100;

export const schedulesQuery = (page: number) => ({
  queryKey: ['schedules', 'list', page],
  queryFn: () => unwrap(api.GET('/v1/schedules', { params: { query: { page, pageSize: SCHEDULES_PAGE_SIZE } } })),
  // Sends happen while the list is open: next send, last sent and last status move on by themselves.
  refetchInterval: 60_000,
});

export const scheduleQuery = (id: string) => ({
  queryKey: ['schedules', 'one', id],
  queryFn: () => unwrap(api.GET('/v1/schedules/{id}', { params: { path: { id } } })),
});

/** After a write: the schedule's own cache holds the reply, every list reloads. */
export function useScheduleSaved() {
  const client = useQueryClient();
  return (schedule: Schedule) => {
    client.setQueryData(scheduleQuery(schedule.id).queryKey, schedule);
    return client.invalidateQueries({ queryKey: ['schedules', 'list'] });
  };
}

/**
 * What a timing means (words, next sends with their periods and subjects, the period a send now covers),
 * asked of the API as the form changes: ~300 ms after the last change, keeping the last answer meanwhile.
 */
export function useDraftTiming(timing: TimingBody) {
  // Debounced as text: a new object each render would restart the wait for ever.
  const [settled] = useDebouncedValue(JSON.stringify(timing), 300);
  return useQuery({
    queryKey: ['schedules', 'timing', settled],
    queryFn: () => unwrap(api.POST('/v1/schedules/timing', { body: JSON.parse(settled) as TimingBody })),
    placeholderData: keepPreviousData,
    // The periods move with the clock: a minute-old answer is still right for "next five sends".
    staleTime: 60_000,
  });
}

/** The saved schedule's timing, read as the editor reads a draft: previews and sends use the saved one. */
export function useSavedTiming(schedule: Schedule) {
  return useDraftTiming(timingOf(scheduleValues(schedule)));
}
