import { Redis } from 'ioredis';

/** One command a client sent (or a script it ran sent, `viaScript`), as MONITOR reported it. */
export type RedisCommand = { at: number; client: string; viaScript: boolean; args: string[] };

export type RedisWrites = {
  /** Starts recording a window: commands seen before this are not kept. */
  record: () => Promise<void>;
  /** Ends the window: every write command recorded in it, with the name of the client that sent it. */
  finish: () => Promise<RedisCommand[]>;
  close: () => Promise<void>;
};

/**
 * Every write command on a Redis server, attributed to the client that issued it. MONITOR shows the
 * commands a Lua script runs as `[0 lua]` lines right after the script's own EVAL/EVALSHA line (Redis
 * runs scripts atomically, so nothing comes between), so they belong to the client of the line before.
 * Clients are named by their `CLIENT SETNAME` (ioredis `connectionName`), looked up in CLIENT LIST by
 * address as each address first shows up, while that client is still connected.
 */
export async function watchRedisWrites(url: string): Promise<RedisWrites> {
  const admin = new Redis(url, { lazyConnect: true });
  admin.on('error', () => undefined);
  await admin.connect();
  const names = new Map<string, string>();
  const lookups: Promise<void>[] = [];
  const looking = new Set<string>();
  const lookUp = (address: string) => {
    if (names.has(address) || looking.has(address)) return;
    looking.add(address);
    lookups.push(clientNames(admin).then((listed) => mergeInto(names, listed)));
  };
  let recording = false;
  let lastClient = '';
  const seen: { at: number; address: string; viaScript: boolean; args: string[] }[] = [];
  // A connection of its own (ioredis duplicates `admin` for it).
  const monitor = await admin.monitor();
  monitor.on('error', () => undefined);
  monitor.on('monitor', (time: string, args: string[], source: string) => {
    const viaScript = source === 'lua';
    if (!viaScript) lastClient = source;
    if (!recording) return;
    if (!viaScript) lookUp(source);
    seen.push({ at: Number(time) * 1000, address: lastClient, viaScript, args });
  });
  return {
    record: async () => {
      mergeInto(names, await clientNames(admin));
      seen.length = 0;
      recording = true;
    },
    finish: async () => {
      recording = false;
      await Promise.all(lookups);
      const writes = await writeCommands(admin, [...new Set(seen.map((entry) => entry.args[0] ?? ''))]);
      return seen
        .filter((entry) => writes.has((entry.args[0] ?? '').toLowerCase()))
        .map(({ at, address, viaScript, args }) => ({
          at,
          client: names.get(address) ?? `unnamed ${address}`,
          viaScript,
          args,
        }));
    },
    close: async () => {
      monitor.disconnect();
      await admin.quit();
    },
  };
}

function mergeInto(names: Map<string, string>, listed: Map<string, string>): void {
  for (const [address, name] of listed) names.set(address, name);
}

/** Address → client name, from CLIENT LIST (`addr=… name=…` per line). */
async function clientNames(redis: Redis): Promise<Map<string, string>> {
  const listed = String(await redis.client('LIST'));
  const names = new Map<string, string>();
  for (const line of listed.split('\n')) {
    const address = /(?:^| )addr=(\S+)/.exec(line)?.[1];
    const name = /(?:^| )name=(\S*)/.exec(line)?.[1];
    if (address) names.set(address, name || `unnamed ${address}`);
  }
  return names;
}

/** Which of `commands` write, by the server's own flags (COMMAND INFO), lower-cased. */
async function writeCommands(redis: Redis, commands: string[]): Promise<Set<string>> {
  const writes = new Set<string>();
  if (commands.length === 0) return writes;
  const infos = (await redis.call('COMMAND', 'INFO', ...commands)) as unknown[];
  for (const info of infos) {
    if (!Array.isArray(info)) continue;
    const [name, , flags] = info as [string, number, string[]];
    if (Array.isArray(flags) && flags.includes('write')) writes.add(name.toLowerCase());
  }
  return writes;
}
