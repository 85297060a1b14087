import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type paths, unwrap } from '../../../api/client';

type Json<Reply> = Reply extends { content: { 'application/json': infer Body } } ? Body : never;
type OneWebhook = paths['/v1/schedules/{id}/webhooks/{webhookId}'];

export type Webhook = Json<paths['/v1/schedules/{id}/webhooks']['get']['responses'][200]>['items'][number];
export type WebhookKind = Webhook['kind'];
export type WebhookCreateBody =
  paths['/v1/schedules/{id}/webhooks']['post']['requestBody']['content']['application/json'];
export type WebhookUpdateBody = OneWebhook['patch']['requestBody']['content']['application/json'];
export type WebhookTestReply = Json<paths['/v1/schedules/{id}/webhooks/{webhookId}/test']['post']['responses'][200]>;

/** The API refuses an 11th webhook on a schedule (409). */
export const MAX_WEBHOOKS = 10;

export const webhooksQuery = (scheduleId: string) =>
  queryOptions({
    queryKey: ['schedules', 'webhooks', scheduleId],
    queryFn: () => unwrap(api.GET('/v1/schedules/{id}/webhooks', { params: { path: { id: scheduleId } } })),
  });

const pathOf = (webhook: Webhook) => ({ path: { id: webhook.scheduleId, webhookId: webhook.id } });

/** After a write the schedule's list is read again (the API keeps their order). */
function useReloadWebhooks() {
  const client = useQueryClient();
  return (scheduleId: string) => client.invalidateQueries({ queryKey: webhooksQuery(scheduleId).queryKey });
}

/** Adds a webhook (POST) or changes a saved one (PATCH): `webhook` null means a new one. */
export function useSaveWebhook(scheduleId: string, webhook: Webhook | null) {
  const reload = useReloadWebhooks();
  return useMutation({
    mutationFn: (body: WebhookCreateBody | WebhookUpdateBody) =>
      webhook
        ? unwrap(api.PATCH('/v1/schedules/{id}/webhooks/{webhookId}', { params: pathOf(webhook), body }))
        : unwrap(
            api.POST('/v1/schedules/{id}/webhooks', {
              params: { path: { id: scheduleId } },
              body: body as WebhookCreateBody,
            }),
          ),
    onSuccess: () => reload(scheduleId),
  });
}

export function useSwitchWebhook(webhook: Webhook) {
  const reload = useReloadWebhooks();
  return useMutation({
    mutationFn: (enabled: boolean) =>
      unwrap(api.PATCH('/v1/schedules/{id}/webhooks/{webhookId}', { params: pathOf(webhook), body: { enabled } })),
    onSuccess: () => reload(webhook.scheduleId),
  });
}

export function useRemoveWebhook(webhook: Webhook) {
  const reload = useReloadWebhooks();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/schedules/{id}/webhooks/{webhookId}', { params: pathOf(webhook) })),
    onSuccess: () => reload(webhook.scheduleId),
  });
}

/** Posts a test message and answers how the receiver took it (a refusal is a reply, not an error). */
export function useTestWebhook(webhook: Webhook) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/schedules/{id}/webhooks/{webhookId}/test', { params: pathOf(webhook) })),
  });
}
