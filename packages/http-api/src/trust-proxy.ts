import { isIP } from 'node:net';
import { z } from '@reportmail/config';

/** What Fastify's `trustProxy` takes from us: off, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

const MAX_HOPS = 10;
/** proxy-addr's names for address ranges, besides addresses and CIDR blocks. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const EVERY_HOP =
  'true would trust every X-Forwarded-For hop, so a client could name its own address (and dodge the ' +
  'per-address login limit): set the number of proxies in front of the API (usually 1) or their addresses';

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset or `false` (no proxy: the socket's address is the client's), a number of proxy hops
 * (`1` for one nginx or Caddy in front), or a comma list of the proxies' addresses or CIDR blocks. With a
 * count, the client is the address that many hops back, so whatever a client puts first in
 * X-Forwarded-For is ignored.
 */
export const trustProxy = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value),
  z
    .string()
    .optional()
    .transform((value, context): TrustProxy => {
      if (value === undefined || value === '' || value === 'false' || value === '0') return false;
      if (value === 'true') {
        context.addIssue({ code: 'custom', message: EVERY_HOP });
        return z.NEVER;
      }
      if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops <= MAX_HOPS) return hops;
        context.addIssue({ code: 'custom', message: `must be at most ${MAX_HOPS} proxy hops` });
        return z.NEVER;
      }
      const entries = value.split(',').map((entry) => entry.trim());
      const bad = entries.filter((entry) => !isProxyAddress(entry));
      if (bad.length === 0) return entries;
      context.addIssue({
        code: 'custom',
        message: `must be false, a number of proxy hops, or proxy addresses/CIDR blocks; not ${bad.map((entry) => `"${entry}"`).join(', ')}`,
      });
      return z.NEVER;
    }),
);

/** Fastify's form of it: a hop count becomes "trust the first N hops from the socket". */
export function fastifyTrustProxy(setting: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
