import { queryOptions } from '@tanstack/react-query';
import { api, type paths, unwrap } from '../../api/client';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type Overview = Json<paths['/v1/overview']['get']['responses'][200]>;
export type ReportSummary = Json<paths['/v1/report-data']['get']['responses'][200]>;
export type ScheduleItem = Json<paths['/v1/schedules']['get']['responses'][200]>['items'][number];

export const enabledSchedulesQuery = queryOptions({
  queryKey: ['schedules', 'enabled'],
  queryFn: () => unwrap(api.GET('/v1/schedules', { params: { query: { enabled: 'true', pageSize: 100 } } })),
  refetchInterval: 60_000,
});

export const recentDeliveriesQuery = queryOptions({
  queryKey: ['deliveries', 'recent'],
  queryFn: () => unwrap(api.GET('/v1/deliveries', { params: { query: { pageSize: 10 } } })),
  refetchInterval: 10_000,
});

/** Totals and methods of whole local days, without the payment rows (the home card needs no more). */
export const revenueQuery = (range: { from: string; to: string; tz: string }) =>
  queryOptions({
    queryKey: ['report-data', 'summary', range],
    queryFn: () => unwrap(api.GET('/v1/report-data', { params: { query: { ...range, rows: 'false' } } })),
    refetchInterval: 60_000,
  });
