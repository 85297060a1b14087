import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { ForbiddenAddressError, guardedLookup } from './guarded-lookup.js';

type Outcome = { error: Error | null; address: string | LookupAddress[]; family?: number };

const look = (host: string, all: boolean) =>
  new Promise<Outcome>((resolve) => {
    guardedLookup()(host, { all }, (error, address, family) => resolve({ error, address, family }));
  });

describe('guardedLookup', () => {
  it('hands a public address on in the shape asked for (one, or all as net.connect asks)', async () => {
    expect(await look('8.8.8.8', false)).toEqual({ error: null, address: '8.8.8.8', family: 4 });
    expect(await look('8.8.8.8', true)).toEqual({ error: null, address: [{ address: '8.8.8.8', family: 4 }] });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['localhost', 'loopback'],
    ['10.0.0.7', 'private'],
    ['169.254.169.254', 'cloud metadata'],
  ])('refuses %s (%s) before any connection', async (host, kind) => {
    const { error } = await look(host, true);
    expect(error).toBeInstanceOf(ForbiddenAddressError);
    expect([(error as ForbiddenAddressError).code, (error as ForbiddenAddressError).kind]).toEqual([
      'EFORBIDDENADDRESS',
      kind,
    ]);
  });

  it('passes on a name that does not resolve as the resolver said', async () => {
    const { error } = await look('no-such-host.invalid', false);
    expect((error as NodeJS.ErrnoException).code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
  });
});
