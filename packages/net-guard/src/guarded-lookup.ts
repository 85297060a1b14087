import { type LookupAddress, lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type ForbiddenAddressKind, forbiddenAddressKind } from './address-kind.js';

/** The error a guarded connection fails with when its host resolves to an internal address. */
export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: ForbiddenAddressKind,
  ) {
    super(`${host} resolves to a ${kind} address (${address})`);
    this.name = 'ForbiddenAddressError';
  }
}

/**
 * A `lookup` for `http.request`/`net.connect` that refuses a host when any of its addresses is internal.
 * The connection then goes to the very addresses checked, so a name that resolves elsewhere between a
 * check and the connection (DNS rebinding) cannot slip through. (IP literals never reach a lookup: check
 * them with forbiddenAddressKind first.)
 */
export function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const entry of addresses) {
        const kind = forbiddenAddressKind(entry.address);
        if (kind) return callback(new ForbiddenAddressError(hostname, entry.address, kind), '', 0);
      }
      const first = addresses[0];
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}
