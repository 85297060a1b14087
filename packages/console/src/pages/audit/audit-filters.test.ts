import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailLines, readFilters, targetPath, toAuditQuery, writeFilters } from './audit-filters';

const none = { page: 1, action: '', actorId: '', from: '', to: '' };

describe('readFilters', () => {
  it.each([
    ['', none],
    ['page=3&action=schedule.update', { ...none, page: 3, action: 'schedule.update' }],
    ['page=0', none],
    ['page=-2', none],
    ['page=abc', none],
    ['page=2.7', { ...none, page: 2 }],
    ['actor=4f1c', { ...none, actorId: '4f1c' }],
    ['from=2026-03-01&to=2026-03-07', { ...none, from: '2026-03-01', to: '2026-03-07' }],
    ['from=yesterday&to=2026-3-7', none],
    ['action=%20smtp.verify%20', { ...none, action: 'smtp.verify' }],
  ])('%j → %j', (search, expected) => {
    expect(readFilters(new URLSearchParams(search))).toEqual(expected);
  });

  it('reads back what writeFilters wrote', () => {
    const filters = { page: 2, action: 'user.create', actorId: 'abc', from: '2026-03-01', to: '2026-03-02' };
    expect(writeFilters(filters).toString()).toBe('action=user.create&actor=abc&from=2026-03-01&to=2026-03-02&page=2');
    expect(readFilters(writeFilters(filters))).toEqual(filters);
    expect(writeFilters(none).toString()).toBe('');
  });
});

describe('toAuditQuery (browser zone Asia/Manila, UTC+8)', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Manila';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it.each([
    [none, { page: 1, pageSize: 25 }],
    [
      { ...none, page: 2, action: 'smtp.verify', actorId: 'abc' },
      { page: 2, pageSize: 25, action: 'smtp.verify', actorId: 'abc' },
    ],
    [
      { ...none, from: '2026-03-01', to: '2026-03-01' },
      { page: 1, pageSize: 25, from: '2026-02-28T16:00:00.000Z', to: '2026-03-01T16:00:00.000Z' },
    ],
    [
      { ...none, from: '2026-02-28', to: '2026-12-31' },
      { page: 1, pageSize: 25, from: '2026-02-27T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' },
    ],
  ])('%j → %j', (filters, expected) => {
    expect(toAuditQuery(filters)).toEqual(expected);
  });
});

describe('detailLines', () => {
  it.each([
    [null, []],
    [{}, []],
    [
      { email: 'a@shop.example', disabled: true, port: 587, changed: ['host', 'port'], login: null },
      [
        ['email', 'a@shop.example'],
        ['disabled', 'true'],
        ['port', '587'],
        ['changed', '["host","port"]'],
        ['login', 'null'],
      ],
    ],
  ])('%j → %j', (details, expected) => {
    expect(detailLines(details)).toEqual(expected);
  });
});

describe('targetPath', () => {
  it.each([
    ['schedule:5d1c', '/schedules/5d1c'],
    ['delivery:77aa', '/deliveries/77aa'],
    ['smtp_settings', '/smtp'],
    ['user:abc', null],
    ['queue:reports', null],
    ['schedule:', null],
    [null, null],
  ])('%s → %s', (target, expected) => {
    expect(targetPath(target)).toBe(expected);
  });
});
