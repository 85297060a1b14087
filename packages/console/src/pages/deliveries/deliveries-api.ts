import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type paths, unwrap } from '../../api/client';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type DeliveryListQuery = NonNullable<paths['/v1/deliveries']['get']['parameters']['query']>;
export type DeliveryPage = Json<paths['/v1/deliveries']['get']['responses'][200]>;
export type DeliveryItem = DeliveryPage['items'][number];
export type DeliveryDetail = Json<paths['/v1/deliveries/{id}']['get']['responses'][200]>;
export type EmailContent = NonNullable<DeliveryDetail['emailContent']>;
export type Recipients = NonNullable<DeliveryItem['recipients']>;

/** States after which nothing changes on a delivery any more. */
const FINAL = new Set(['sent', 'failed', 'unknown', 'skipped']);
export const isFinal = (status: string) => FINAL.has(status);

export const deliveriesQuery = (query: DeliveryListQuery) =>
  queryOptions({
    queryKey: ['deliveries', query],
    queryFn: () => unwrap(api.GET('/v1/deliveries', { params: { query } })),
    // The page on screen stays while the next one loads: the table does not jump to a spinner.
    placeholderData: keepPreviousData,
    // Deliveries move by themselves (queued → sent): a log left open keeps up.
    refetchInterval: 10_000,
  });

export const deliveryQuery = (id: string) =>
  queryOptions({
    queryKey: ['delivery', id],
    queryFn: () => unwrap(api.GET('/v1/deliveries/{id}', { params: { path: { id } } })),
    // Until it is final the row moves every second or so: a just-sent delivery turns Sent by itself.
    refetchInterval: (query) => (query.state.data && isFinal(query.state.data.status) ? false : 1_500),
  });

/** Every schedule by name (for the log's filter and the home screen); the API pages at 100 at most. */
export const scheduleNamesQuery = queryOptions({
  queryKey: ['schedules', 'all'],
  queryFn: () => unwrap(api.GET('/v1/schedules', { params: { query: { pageSize: 100 } } })),
});

/** All addresses of a delivery, To first. */
export function allRecipients(recipients: Recipients | null): string[] {
  return recipients ? [...recipients.to, ...recipients.cc, ...recipients.bcc] : [];
}
