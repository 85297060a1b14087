import type { paths } from '../../api/client';
import { CONSOLE_PATHS } from '../../paths';

export type AuditQuery = NonNullable<paths['/v1/audit']['get']['parameters']['query']>;
export type AuditEntry = paths['/v1/audit']['get']['responses'][200]['content']['application/json']['items'][number];

/** What the audit screen's URL holds: dates are calendar days in the browser's zone, both included. */
export type AuditFilters = { page: number; action: string; actorId: string; from: string; to: string };

export const AUDIT_PAGE_SIZE = 25;

/** The actions the API records (grep `action:` in services/api and services/cli), for the filter's suggestions. */
export const AUDIT_ACTIONS = [
  'delivery.resend',
  'flask.import',
  'queue.action',
  'schedule.create',
  'schedule.update',
  'schedule.enable',
  'schedule.disable',
  'schedule.delete',
  'schedule.run',
  'schedule.test',
  'smtp.update',
  'smtp.verify',
  'user.create',
  'user.update',
  'user.password',
  'user.password_reset',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.test',
];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function readFilters(params: URLSearchParams): AuditFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    page: Math.max(1, Math.trunc(Number(params.get('page'))) || 1),
    action: params.get('action')?.trim() ?? '',
    actorId: params.get('actor') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

/** The URL for these filters: empty ones left out, page 1 implied. */
export function writeFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.actorId) params.set('actor', filters.actorId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** Midnight starting a calendar day in the browser's zone, `days` after the given one, as an instant. */
function localMidnight(day: string, days = 0): string {
  const [, year, month, date] = DAY.exec(day) ?? [];
  return new Date(Number(year), Number(month) - 1, Number(date) + days).toISOString();
}

/** The API's query: `from` at the first day's midnight, `to` (exclusive) at the midnight after the last day. */
export function toAuditQuery(filters: AuditFilters): AuditQuery {
  return {
    page: filters.page,
    pageSize: AUDIT_PAGE_SIZE,
    ...(filters.action && { action: filters.action }),
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.from && { from: localMidnight(filters.from) }),
    ...(filters.to && { to: localMidnight(filters.to, 1) }),
  };
}

/** An entry's details as label and text pairs; nested values as compact JSON. */
export function detailLines(details: AuditEntry['details']): [string, string][] {
  return Object.entries(details ?? {}).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);
}

/** Where an entry's target can be opened in the console, if it names a screen. */
export function targetPath(target: string | null): string | null {
  if (!target) return null;
  const [kind, id] = target.split(':');
  if (kind === 'schedule' && id) return `${CONSOLE_PATHS.schedules}/${id}`;
  if (kind === 'delivery' && id) return `${CONSOLE_PATHS.deliveries}/${id}`;
  if (kind === 'smtp_settings') return CONSOLE_PATHS.smtp;
  return null;
}
