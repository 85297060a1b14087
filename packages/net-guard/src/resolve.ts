import { lookup } from 'node:dns/promises';
import { type ForbiddenAddressKind, forbiddenAddressKind, isMetadataHostName } from './address-kind.js';

/** Every address `host` resolves to now; none when it does not resolve (ENOTFOUND, EAI_AGAIN, ENODATA…). */
export async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

/** Why a host is no place to connect to, or null when it is fine. */
export type HostProblem =
  | { problem: 'metadata name' }
  | { problem: 'unresolved' }
  | { problem: 'internal address'; kind: ForbiddenAddressKind };

/**
 * The check the admin API makes of a host before saving it (an SMTP server, a webhook's): it must resolve,
 * and unless `allowPrivate` neither its name nor any of its addresses may be internal (SSRF).
 */
export async function hostProblem(host: string, allowPrivate: boolean): Promise<HostProblem | null> {
  if (!allowPrivate && isMetadataHostName(host)) return { problem: 'metadata name' };
  const addresses = await resolveAll(host);
  if (addresses.length === 0) return { problem: 'unresolved' };
  if (allowPrivate) return null;
  for (const address of addresses) {
    const kind = forbiddenAddressKind(address);
    if (kind) return { problem: 'internal address', kind };
  }
  return null;
}
