import { lookup } from 'node:dns/promises';

/** Every address `host` resolves to now; none when it does not resolve (ENOTFOUND, EAI_AGAIN, ENODATA…). */
export async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
