import type { DeliveryListQuery } from './deliveries-api';
import { CHANNEL_OPTIONS, STATUS_OPTIONS, TRANSPORT_OPTIONS, TRIGGER_OPTIONS } from './labels';

/** The delivery log's filters as they stand in the address bar (`?status=sent&from=2026-03-01`). */
export type LogFilters = {
  status?: NonNullable<DeliveryListQuery['status']>;
  schedule?: string;
  trigger?: NonNullable<DeliveryListQuery['trigger']>;
  channel?: NonNullable<DeliveryListQuery['channel']>;
  transport?: NonNullable<DeliveryListQuery['transport']>;
  /** First local day, YYYY-MM-DD (inclusive). */
  from?: string;
  /** Last local day, YYYY-MM-DD (inclusive). */
  to?: string;
  page: number;
};

export const PAGE_SIZE = 20;
const FILTER_KEYS = ['status', 'schedule', 'trigger', 'channel', 'transport', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(options: { value: T }[], value: string | null): T | undefined {
  return options.find((option) => option.value === value)?.value;
}

const matching = (pattern: RegExp, value: string | null) => (value && pattern.test(value) ? value : undefined);

/** The filters in a URL; a value that cannot be one (an edited or old bookmark) is left out. */
export function filtersFromParams(params: URLSearchParams): LogFilters {
  const page = Number(params.get('page'));
  return {
    status: oneOf(STATUS_OPTIONS, params.get('status')),
    schedule: matching(UUID, params.get('schedule')),
    trigger: oneOf(TRIGGER_OPTIONS, params.get('trigger')),
    channel: oneOf(CHANNEL_OPTIONS, params.get('channel')),
    transport: oneOf(TRANSPORT_OPTIONS, params.get('transport')),
    from: matching(LOCAL_DATE, params.get('from')),
    to: matching(LOCAL_DATE, params.get('to')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL of the filters: only what is set, page 1 left out. */
export function paramsFromFilters(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export const hasFilters = (filters: LogFilters) => FILTER_KEYS.some((key) => filters[key] !== undefined);

/** The zone's offset from UTC at an instant, in minutes (Manila: 480). */
function offsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The instant a local day starts in a zone: `2026-03-02` in Manila → `2026-03-01T16:00:00.000Z`. */
export function startOfLocalDay(date: string, timeZone: string): string {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  // The offset at a first guess, then at the instant it gives: right on either side of a DST change.
  const guess = wallMidnight - offsetMinutes(timeZone, wallMidnight) * 60_000;
  return new Date(wallMidnight - offsetMinutes(timeZone, guess) * 60_000).toISOString();
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The API's query for the filters: local days become instants in `timeZone`, `to` ending with its day. */
export function apiQueryOf(filters: LogFilters, timeZone: string): DeliveryListQuery {
  return {
    page: filters.page,
    pageSize: PAGE_SIZE,
    status: filters.status,
    scheduleId: filters.schedule,
    trigger: filters.trigger,
    channel: filters.channel,
    transport: filters.transport,
    from: filters.from && startOfLocalDay(filters.from, timeZone),
    to: filters.to && startOfLocalDay(nextDay(filters.to), timeZone),
  };
}
