import { delivery, reportSchedule } from '@reportmail/db';
import { createLinkSigner, deliveryAttachmentResource } from '@reportmail/secrets';
import { seedManilaScenario } from '@reportmail/testing';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArtifact } from './deliveries/test-rows.js';
import { type ApiFixture, type Caller, createApiFixture } from './test-fixtures.js';

type ParamSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
};
type Parameter = { in: string; name: string; required?: boolean; schema?: ParamSchema };
type Operation = { parameters?: Parameter[]; security?: unknown[] };
type Spec = { paths?: Record<string, Record<string, Operation>> };
type Route = { method: NonNullable<InjectOptions['method']>; path: string; secured: boolean; params: Parameter[] };
/** One request to make: who, how, where, and the decoded values it carries (to look for in the logs). */
type Probe = {
  caller: Caller;
  method: Route['method'];
  url: string;
  payload?: unknown;
  sent: string[];
  /** The caller must be refused (400/401/403): a viewer on an admin-only route. */
  refused?: boolean;
};

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** The values a URL's query carries, decoded as the API decodes them. */
const queryValues = (url: string) => [...new URLSearchParams(url.split('?')[1] ?? '').values()];
/** A reply slower than this is a finding; no reply within TIMEOUT_MS is a hang. */
const SLOW_MS = 2_000;
const TIMEOUT_MS = 5_000;
const SEED = 20261126;
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const today = Date.now();

/** Dates at and past the edges of what JavaScript, luxon and PostgreSQL can hold, and days that do not exist. */
const extremeDates = [
  '0000-01-01',
  '0001-01-01',
  '0000-02-29',
  '1969-12-31',
  '1970-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-271821-04-20',
  '1582-10-10',
  '1844-12-31',
  '2011-12-30',
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-3-1',
  '20260301',
];
const extremeInstants = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00+23:59',
  '0000-01-01T00:00:00-23:59',
  '9999-12-25T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-23:59',
  '1969-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T00:00:00Z',
  '1844-12-31T12:00:00+08:00',
  '2026-03-08T02:30:00-05:00',
  '2026-03-01T00:00:00.123456789Z',
  '2026-03-01T24:00:00Z',
  '2026-03-01t00:00:00z',
  '2026-03-01 00:00:00Z',
  '2026-03-01T00:00:00',
];
/** Zone names luxon, Intl and PostgreSQL disagree about. */
const zones = [
  'Asia/Manila',
  'UTC',
  'utc',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'America/St_Johns',
  'Antarctica/Troll',
  'Asia/Calcutta',
  'US/Pacific',
  'EST5EDT',
  'system',
  'local',
  'UTC+3',
  'utc-14',
  'GMT',
  'Mars/Olympus',
  'Asia/Manila ',
  '../Asia/Manila',
];
/** Values that have broken APIs before: control characters, huge, odd numbers, injection, prototype keys. */
const nastyValues = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  '-1e309',
  '9007199254740993',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  ' 5 ',
  'true',
  'null',
  'undefined',
  '\u0000',
  'a\u0000b',
  '\u0001',
  '\u007f',
  '\u202e',
  '\ufeff',
  '\r\nX-Injected: 1',
  '%00',
  '%',
  '😀',
  'x'.repeat(10_000),
  '../../etc/passwd',
  "' or 1=1 --",
  '{"$gt":""}',
  '__proto__',
  'constructor',
  ...extremeDates,
  ...extremeInstants,
];
/** Distinctive nasty values: if one shows up in an error-level log line, the log carries user input. */
const tracers = nastyValues.filter(
  (value) => (value.length >= 6 || /[^\x20-\x7e]/.test(value)) && !/^[a-z_]+$/i.test(value),
);
const unknownNames = ['foo', 'from[]', 'page[size]', '__proto__', 'constructor', 'hasOwnProperty', 'a'.repeat(1_000)];

/** The decoded form of a value is what the API sees; lone surrogates cannot be percent-encoded. */
const text = fc
  .oneof(fc.string({ unit: 'binary-ascii', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }))
  .map((value) => value.replace(/[\ud800-\udfff]/gu, '\ufffd'));
const nasty = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nastyValues) }, { weight: 1, arbitrary: text });

/** Days around today, mostly the last few weeks (so that ranges of them are often valid). */
const recentDay = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: -40, max: 1 }) }, fc.integer({ min: -800, max: 30 }))
  .map((days) => isoDay(today + days * DAY_MS));
const anyDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const localDates = fc.oneof({ weight: 4, arbitrary: recentDay }, anyDay, fc.constantFrom(...extremeDates));
const instants = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc
    .tuple(recentDay, fc.constantFrom('00:00:00', '02:30:00', '23:59:59'), fc.constantFrom('Z', '+08:00', '-05:00'))
    .map(([day, time, offset]) => `${day}T${time}${offset}`),
  fc.constantFrom(...extremeInstants),
);

/** Every operation the OpenAPI document lists, with its declared path and query parameters. */
function documentedRoutes(spec: Spec): Route[] {
  return Object.entries(spec.paths ?? {}).flatMap(([path, operations]) => {
    const shared = (operations as { parameters?: Parameter[] }).parameters ?? [];
    return Object.entries(operations)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => {
        const declared = [...shared, ...(operation.parameters ?? [])].filter((p) => ['query', 'path'].includes(p.in));
        // A `{name}` in the template is a path parameter even if the document forgot to declare it.
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name as string);
        const missing = templated.filter((name) => !declared.some((p) => p.in === 'path' && p.name === name));
        return {
          method: method.toUpperCase() as Route['method'],
          path,
          secured: (operation.security ?? []).length > 0,
          params: [...declared, ...missing.map((name) => ({ in: 'path', name, required: true }))],
        };
      });
  });
}

/** Values of the right shape for a parameter, read from its schema (and its name, for plain strings). */
function shaped(param: Parameter, ids: string[]): fc.Arbitrary<string> {
  const schema = param.schema ?? {};
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.format === 'uuid' || param.in === 'path') {
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, fc.uuid());
  }
  if (schema.format === 'date-time') return instants;
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = Math.max(schema.minimum ?? -1_000, -1e12);
    const max = Math.min(schema.maximum ?? 1_000, 4_102_444_800);
    const small = fc.integer({ min, max: Math.min(max, min + 100) });
    return fc
      .oneof({ weight: 3, arbitrary: small }, fc.integer({ min, max }), fc.constantFrom(min, max, min - 1, max + 1))
      .map(String);
  }
  if (schema.type === 'boolean') return fc.constantFrom('true', 'false');
  if (/^(tz|timezone|zone)$/i.test(param.name)) return fc.constantFrom(...zones);
  if (schema.pattern?.includes('\\d{4}')) return localDates;
  if (/^(from|to|after|before|since|until)$|date|day/i.test(param.name)) {
    return fc.oneof({ weight: 3, arbitrary: localDates }, instants);
  }
  return fc.oneof(text, fc.string({ maxLength: schema.maxLength ?? 50 }));
}

/**
 * Path values and query pairs for a route: half of them well-formed (values of the right shape, each
 * parameter present or not), half chaotic (nasty values, repeated parameters, unknown ones).
 */
function requestArbitrary(route: Route, ids: string[], liveIds: string[]) {
  return fc.oneof(requestsOf(route, liveIds, true), requestsOf(route, ids, false));
}

/** A `from`…`to` pair of recent days (0 to 40 days long), in the format the `from` parameter declares. */
function rangeOf(route: Route): fc.Arbitrary<[string, string][]> {
  const from = route.params.find((p) => p.in === 'query' && p.name === 'from');
  if (!from || !route.params.some((p) => p.in === 'query' && p.name === 'to')) return fc.constant([]);
  const instant = from.schema?.format === 'date-time';
  const format = (time: number) => (instant ? new Date(time).toISOString() : isoDay(time));
  return fc
    .option(fc.tuple(fc.integer({ min: -60, max: 0 }), fc.integer({ min: 0, max: 40 })), { nil: undefined })
    .map((range) => {
      if (!range) return [];
      const start = today + range[0] * DAY_MS;
      return [
        ['from', format(start)],
        ['to', format(start + range[1] * DAY_MS)],
      ];
    });
}

function requestsOf(route: Route, ids: string[], wellFormed: boolean) {
  const valuesFor = (param: Parameter) =>
    wellFormed ? shaped(param, ids) : fc.oneof({ weight: 3, arbitrary: shaped(param, ids) }, nasty);
  const path = Object.fromEntries(
    route.params.filter((p) => p.in === 'path').map((p) => [p.name, valuesFor(p)] as const),
  );
  const query = route.params
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc
        .option(
          fc.oneof(
            { weight: 5, arbitrary: valuesFor(p).map((value) => [value]) },
            { weight: wellFormed ? 0 : 1, arbitrary: fc.array(valuesFor(p), { minLength: 2, maxLength: 3 }) },
          ),
          { freq: wellFormed ? 2 : 3, nil: undefined },
        )
        .map((values) => (values ?? []).map((value) => [p.name, value] as [string, string])),
    );
  const unknown = fc.array(fc.tuple(fc.constantFrom(...unknownNames), nasty), { maxLength: 2 });
  return fc.record({
    path: fc.record(path),
    query: fc.tuple(wellFormed ? rangeOf(route) : fc.constant([]), ...query).map(([range, ...pairs]) => {
      // A consistent range, when drawn, replaces whatever from and to were drawn on their own.
      const names = new Set(range.map(([name]) => name));
      return [...range, ...pairs.flat().filter(([name]) => !names.has(name))];
    }),
    unknown: wellFormed ? fc.constant([] as [string, string][]) : unknown,
    caller: fc.constantFrom<Caller>('admin', 'admin', 'admin', 'viewer'),
    payload: fc.constantFrom<unknown>(undefined, {}),
  });
}

function fillPath(route: Route, values: Record<string, string>): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

function probeUrl(path: string, pairs: [string, string][]): string {
  const query = new URLSearchParams(pairs).toString();
  return query ? `${path}?${query}` : path;
}

/** Raw, hand-encoded query strings and path segments URLSearchParams would never produce. */
function rawProbes(route: Route, id: string): string[] {
  const withIds = (value: string) => route.path.replace(/\{[^}]+\}/g, value);
  const path = withIds(id);
  const names = route.params.filter((p) => p.in === 'query').map((p) => p.name);
  const name = names[0] ?? 'foo';
  const queries = [
    `${path}?%00=1`,
    `${path}?${name}=%00`,
    `${path}?${name}=%`,
    `${path}?${name}=%zz`,
    `${path}?${name}=%E0%A4%A`,
    `${path}?${name}=%ED%A0%80`,
    `${path}?${name}=%C0%AE%C0%AE`,
    `${path}?${name}=%0d%0aX-Injected:%201`,
    `${path}?${name}[]=1`,
    `${path}?${name}[a]=b`,
    `${path}?${name}.a=b`,
    `${path}?${name}`,
    `${path}?${name}=`,
    `${path}?${name}=1&${name}=2&${name}=3`,
    `${path}?${names.map((n) => `${n}=%00`).join('&') || 'foo=%00'}`,
    `${path}?${names.map((n) => `${n}=`).join('&') || 'foo='}`,
    `${path}??`,
    `${path}?&&&`,
    `${path}?=`,
    `${path}?=&=`,
    `${path}?__proto__[x]=1`,
    `${path}?constructor[prototype][x]=1`,
    `${path}?${'a'.repeat(20_000)}=1`,
    `${path}?${name}=${'%25'.repeat(3_000)}`,
    `${path}#${name}=1`,
  ];
  // A route without query parameters still parses a query string: a few malformed ones are enough there.
  const urls = names.length > 0 ? queries : queries.slice(0, 6);
  if (route.path.includes('{')) {
    urls.push(
      withIds('%00'),
      withIds('%'),
      withIds('%2e%2e'),
      withIds('..%2F..%2Fhealth'),
      withIds(`${id}%00`),
      withIds(`${id}%20`),
      withIds(id.toUpperCase()),
      withIds(`%7B${id}%7D`),
      withIds(id.replaceAll('-', '')),
      withIds('00000000-0000-0000-0000-000000000000'),
      withIds('ffffffff-ffff-ffff-ffff-ffffffffffff'),
      withIds('x'.repeat(101)),
      withIds('%E2%80%AE'),
      withIds('%ED%A0%80'),
    );
  }
  return urls;
}

/** Each date-ish query parameter set to each extreme value (alone, with its siblings, and up to today). */
function extremeProbes(route: Route, paths: string[]): Probe[] {
  // With a from/to pair, each one alone is tried on the first row only (it is the pair that reaches the
  // rows' own code); a single date parameter is tried on every row.
  const dateParams = route.params.filter(
    (p) => p.in === 'query' && (p.schema?.format === 'date-time' || /^(from|to|after)$/.test(p.name)),
  );
  const [first, second] = dateParams;
  if (!first) return [];
  return paths.flatMap((path, index) =>
    [...extremeDates, ...extremeInstants].flatMap((value) => {
      const queries: [string, string][][] = index === 0 || !second ? dateParams.map((p) => [[p.name, value]]) : [];
      if (second) {
        queries.push(dateParams.map((p): [string, string] => [p.name, value]));
        queries.push([
          [first.name, value],
          [second.name, isoDay(today)],
        ]);
      }
      return queries.map(
        (pairs): Probe => ({ caller: 'admin', method: route.method, url: probeUrl(path, pairs), sent: [value] }),
      );
    }),
  );
}

/** Every nasty value in every parameter, one at a time (and every unknown name); viewers get every third. */
function nastyProbes(route: Route, path: string, refused: boolean): Probe[] {
  const probes: Probe[] = [];
  const add = (url: string, value: string, index: number) => {
    probes.push({ caller: 'admin', method: route.method, url, sent: [value] });
    if (index % 3 === 0) probes.push({ caller: 'viewer', method: route.method, url, sent: [value], refused });
  };
  for (const param of route.params) {
    nastyValues.forEach((value, index) => {
      if (param.in === 'query') add(probeUrl(path, [[param.name, value]]), value, index);
      else
        add(
          route.path.replace(`{${param.name}}`, encodeURIComponent(value)).replace(/\{[^}]+\}/g, ZERO_UUID),
          value,
          index,
        );
    });
  }
  // Unknown names, each with some nasty value.
  unknownNames.forEach((name, index) => {
    const value = nastyValues[(index * 7) % nastyValues.length] ?? '';
    add(probeUrl(path, [[name, value]]), value, index);
  });
  return probes;
}

describe('every route’s query and path parameters, fed random and extreme values', () => {
  let fixture: ApiFixture;
  let routes: Route[];
  let ids: string[];
  /** For each GET route, the ids of real rows it answers 2xx for (some id when none does). */
  const liveIds = new Map<Route, string[]>();
  const withId = (route: Route, id: string) => route.path.replace(/\{[^}]+\}/g, id);
  const failures: string[] = [];
  const sentValues = new Set<string>();
  /** GET routes a viewer is refused on (403 without parameters): every viewer probe there must be refused too. */
  const adminOnly = new Set<string>();
  /** A viewer is refused on admin-only GET routes and on every secured write route, whatever the parameters. */
  const refusedTo = (route: Route, caller: Caller) =>
    caller === 'viewer' && route.secured && (route.method !== 'GET' || adminOnly.has(route.path));
  /** GET routes first, writes after them, deletes last (they remove the rows the others use). */
  const inOrder = (list: Route[]) => {
    const rank = (route: Route) => (route.method === 'GET' ? 0 : route.method === 'DELETE' ? 2 : 1);
    return [...list].sort((a, b) => rank(a) - rank(b));
  };

  /** One request, timed, raced against a timeout; anything wrong with the reply is added to `failures`. */
  async function probe({ caller, method, url, payload, sent, refused }: Probe): Promise<void> {
    for (const value of sent) sentValues.add(value);
    const shown = `${caller} ${method} ${url.length > 300 ? `${url.slice(0, 300)}…(${url.length} chars)` : url}`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
    });
    const started = performance.now();
    const reply = await Promise.race([fixture.call(caller, method, url, payload), timeout])
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
      .finally(() => clearTimeout(timer));
    const ms = Math.round(performance.now() - started);
    if (reply === 'timeout') {
      failures.push(`${shown} → no reply within ${TIMEOUT_MS} ms (hang)`);
      return;
    }
    if (reply instanceof Error) {
      failures.push(`${shown} → inject threw ${reply.message.slice(0, 200)}`);
      return;
    }
    const answer = `${shown} → ${reply.statusCode} in ${ms} ms: ${reply.body.slice(0, 200)}`;
    if (reply.statusCode >= 500) failures.push(answer);
    else if (ms > SLOW_MS) failures.push(`${answer} (slower than ${SLOW_MS} ms)`);
    if (reply.statusCode >= 400 && reply.statusCode < 500) {
      let keys: string[] | null = null;
      try {
        keys = Object.keys(reply.json()).sort();
      } catch {}
      if (keys?.join() !== 'details,error,message') failures.push(`${answer} (not the one error shape)`);
    }
    // (A URL the router normalises onto no route at all, like `/v1/schedules/%2e%2e`, is a plain 404.)
    const noRoute = reply.statusCode === 404 && reply.body.includes('"message":"No route ');
    if (refused && !noRoute && ![400, 401, 403].includes(reply.statusCode)) {
      failures.push(`${answer} (must be refused)`);
    }
  }

  function report(): void {
    const found = failures.splice(0);
    expect(found, `${found.length} failing requests:\n${found.join('\n')}`).toEqual([]);
  }

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '10000', LOGIN_ATTEMPTS_PER_15_MIN: '10000' });
    await seedManilaScenario(fixture.database);
    const recipientsTo = ['owner@shop.example'];
    const schedules = await fixture.database.db
      .insert(reportSchedule)
      .values([
        { enabled: true, name: 'Daily', frequency: 'daily', timezone: 'Asia/Manila', recipientsTo },
        {
          enabled: true,
          name: 'Weekly',
          frequency: 'weekly',
          weekday: 'monday',
          sendTime: '07:30',
          recipientsTo,
        },
        {
          enabled: true,
          name: 'Every 3 days',
          frequency: 'every_3_days',
          anchorDate: '2026-01-01',
          periodMode: 'to_date',
        },
        {
          enabled: true,
          name: 'Weekdays',
          frequency: 'cron',
          cronExpression: '0 9 * * 1-5',
          timezone: 'Asia/Manila',
          recipientsTo,
        },
        {
          enabled: true,
          name: 'New York',
          frequency: 'daily',
          sendTime: '02:30',
          timezone: 'America/New_York',
          recipientsTo,
        },
      ])
      .returning();
    const [sent] = await fixture.database.db
      .insert(delivery)
      .values({
        scheduleId: schedules[0]?.id,
        trigger: 'scheduled',
        reportType: 'daily_sales',
        periodStart: new Date('2026-03-01T16:00:00Z'),
        periodEnd: new Date('2026-03-02T16:00:00Z'),
        timezone: 'Asia/Manila',
        status: 'sent',
        recipients: { to: recipientsTo, cc: [], bcc: [] },
      })
      .returning();
    await insertArtifact(fixture.database.db, sent?.id as string, 'Sales_Report_2026_03_02.xlsx');
    ids = [...schedules.map((row) => row.id), sent?.id as string, fixture.admin.id, fixture.viewer.id];
    await fixture.app.ready();
    routes = inOrder(documentedRoutes(fixture.app.swagger() as Spec));
    // Warm every GET route up (first requests load templates, workbook code…), find the rows each one
    // answers for, and learn which ones refuse a viewer outright.
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const live: string[] = [];
      for (const id of route.path.includes('{') ? ids : [ZERO_UUID]) {
        if ((await fixture.call('admin', 'GET', withId(route, id))).statusCode < 300) live.push(id);
      }
      liveIds.set(route, live.length > 0 ? live : [ids[0] as string]);
      if ((await fixture.call('viewer', 'GET', withId(route, ids[0] as string))).statusCode === 403) {
        adminOnly.add(route.path);
      }
    }
  });
  afterAll(async () => fixture?.close());

  it('finds the documented parameters', () => {
    const withParams = routes.filter((r) => r.params.length > 0).map((r) => `${r.method} ${r.path}`);
    expect(withParams).toEqual(
      expect.arrayContaining([
        'GET /v1/users',
        'PATCH /v1/users/{id}',
        'GET /v1/schedules',
        'GET /v1/schedules/{id}',
        'GET /v1/schedules/{id}/next-runs',
        'GET /v1/schedules/{id}/preview',
        'GET /v1/schedules/{id}/preview.xlsx',
        'POST /v1/schedules/{id}/run',
        'GET /v1/deliveries',
        'GET /v1/deliveries/{id}',
        'GET /v1/deliveries/{id}/attachment',
        'POST /v1/deliveries/{id}/resend',
        'GET /v1/report-data',
        'GET /v1/audit',
      ]),
    );
    const nextRuns = routes.find((r) => r.path === '/v1/schedules/{id}/next-runs');
    expect(nextRuns?.params.map((p) => `${p.in}:${p.name}`).sort()).toEqual(['path:id', 'query:after', 'query:count']);
    expect(liveIds.get(nextRuns as Route)).toHaveLength(5);
  });

  it('answers extreme dates in every date parameter, for every real row', async () => {
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const paths = [...new Set((liveIds.get(route) ?? []).map((id) => withId(route, id)))];
      for (const request of extremeProbes(route, paths)) await probe(request);
    }
    const [daily, , , cron] = ids;
    const deliveryId = ids[5] as string;
    const signer = createLinkSigner(fixture.config.SECRETS_KEY);
    const link = (at: Date) => signer.sign(deliveryAttachmentResource(deliveryId), at);
    const valid = link(new Date(today + DAY_MS));
    const expired = link(new Date(today - DAY_MS));
    const attachment = `/v1/deliveries/${deliveryId}/attachment`;
    // Every zone name on days zones skipped or repeated, and at the edges of the supported range.
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const tz = route.params.find((p) => p.in === 'query' && /^(tz|timezone|zone)$/i.test(p.name));
      if (!tz) continue;
      const dated = route.params.filter((p) => p.in === 'query' && /^(from|to)$/.test(p.name));
      for (const zone of zones) {
        for (const day of ['1970-01-01', '2199-12-31', '1844-12-31', '2011-12-30', '2026-03-08', isoDay(today)]) {
          const pairs = [...dated.map((p): [string, string] => [p.name, day]), [tz.name, zone] as [string, string]];
          await probe({
            caller: 'admin',
            method: 'GET',
            url: probeUrl(withId(route, ids[0] as string), pairs),
            sent: [zone],
          });
        }
      }
    }
    // Each of these once answered 500 or never answered.
    for (const url of [
      `/v1/schedules/${daily}/next-runs?after=0000-01-01T00:00:00Z`,
      `/v1/schedules/${cron}/next-runs?after=9999-12-31T23:59:59Z`,
      `/v1/schedules/${daily}/next-runs?after=9999-12-31T23:59:59Z&count=50`,
      '/v1/report-data?from=0001-01-01',
      // Days a zone skipped: Manila moved across the date line in 1844, Samoa in 2011.
      '/v1/report-data?from=1844-12-31&tz=Asia/Manila',
      '/v1/report-data?from=1844-12-30&to=1845-01-01&tz=Asia/Manila',
      '/v1/report-data?from=2011-12-30&tz=Pacific/Apia',
      '/v1/report-data?from=2011-12-29&to=2011-12-31&tz=Pacific/Apia',
      '/v1/report-data?from=9999-12-31&tz=Etc/GMT%2B12',
      '/v1/report-data?from=0000-01-01&tz=Etc/GMT-14',
      '/v1/deliveries?from=0000-01-01T00:00:00Z',
      '/v1/audit?action=%00',
      '/v1/audit?to=0000-01-01T00:00:00Z',
      `${attachment}?expires=${valid.expires}&signature=${valid.signature}`,
      `${attachment}?expires=${expired.expires}&signature=${expired.signature}`,
      `${attachment}?expires=9007199254740993&signature=${valid.signature}`,
      `${attachment}?expires=1e309&signature=${valid.signature}`,
      `${attachment}?expires=8640000000001&signature=${valid.signature}`,
      `${attachment}?expires=-1&signature=${valid.signature}`,
    ]) {
      const refused = url.startsWith('/v1/audit');
      for (const caller of ['admin', 'viewer'] as const) {
        await probe({ caller, method: 'GET', url, sent: queryValues(url), refused: refused && caller === 'viewer' });
      }
    }
    report();
  }, 60_000);

  it('answers every nasty value in every parameter, and raw malformed URLs', async () => {
    for (const route of routes) {
      // Writes get an id no row has: the query is what is probed, nothing may change.
      const id = route.method === 'GET' ? (liveIds.get(route)?.[0] ?? ZERO_UUID) : ZERO_UUID;
      for (const request of nastyProbes(route, withId(route, id), refusedTo(route, 'viewer'))) await probe(request);
      for (const [index, url] of rawProbes(route, id).entries()) {
        const sent = queryValues(url);
        await probe({ caller: 'admin', method: route.method, url, sent });
        if (index % 3 === 0) {
          await probe({ caller: 'viewer', method: route.method, url, sent, refused: refusedTo(route, 'viewer') });
        }
      }
    }
    report();
  }, 60_000);

  it('answers random values in every route’s parameters, as admin and viewer (deletes last)', async () => {
    for (const route of routes) {
      const hasQuery = route.params.some((p) => p.in === 'query');
      const numRuns = route.params.length === 0 ? 5 : route.method !== 'GET' ? 30 : hasQuery ? 80 : 30;
      const samples = fc.sample(requestArbitrary(route, ids, liveIds.get(route) ?? ids), { numRuns, seed: SEED });
      for (const { path, query, unknown, caller, payload } of samples) {
        const pairs = [...query, ...unknown];
        const sent = [...Object.values(path), ...pairs.flat()];
        const url = probeUrl(fillPath(route, path), pairs);
        const body = route.method === 'GET' ? undefined : payload;
        await probe({ caller, method: route.method, url, payload: body, sent, refused: refusedTo(route, caller) });
      }
    }
    report();
  }, 60_000);

  it('logs no submitted value at error level, and never a secret or token', () => {
    const errorLines = fixture.logs.filter((line) => /"level":[56]0\b/.test(line));
    const leaked = tracers
      .filter((value) => sentValues.has(value))
      .flatMap((value) => {
        const holding = errorLines.filter(
          (line) => line.includes(value) || line.includes(JSON.stringify(value).slice(1, -1)),
        );
        const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
        return holding.length === 0
          ? []
          : [`${shown} in ${holding.length} error lines, e.g. ${holding[0]?.slice(0, 300)}`];
      });
    expect(leaked, leaked.join('\n')).toEqual([]);
    const logs = fixture.logs.join('');
    expect(logs).not.toContain(fixture.config.JWT_SECRET);
    expect(logs).not.toContain(fixture.config.SECRETS_KEY.split(':')[1]);
    expect(logs).not.toContain(fixture.admin.token);
    expect(logs).not.toContain(fixture.viewer.token);
  });
});
