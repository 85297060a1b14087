import { parse } from 'yaml';
import { readRepoFile } from './repo.js';
import type { Environment } from './service-configs.js';

export type ComposeService = {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  volumes?: string[];
  deploy?: { replicas?: number };
  init?: boolean;
  restart?: string;
};

export type ComposeFile = { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };

const VARIABLE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^}$]|\$\{[^}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's interpolation (`$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `:?`, `:+`). */
export function interpolate(text: string, shell: Environment): string {
  return text.replace(VARIABLE, (match, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = braced ?? bare ?? '';
    const value = shell[name];
    const isSet = value !== undefined && (value !== '' || !operator?.startsWith(':'));
    const fallback = interpolate(argument ?? '', shell);
    switch (operator?.replace(':', '')) {
      case '-':
        return isSet ? (value ?? '') : fallback;
      case '?':
        if (!isSet) throw new Error(`compose requires ${name}: ${fallback}`);
        return value ?? '';
      case '+':
        return isSet ? fallback : '';
      default:
        return value ?? '';
    }
  });
}

function interpolateAll(node: unknown, shell: Environment): unknown {
  if (typeof node === 'string') return interpolate(node, shell);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, shell));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, shell)]));
  }
  return node;
}

/** docker-compose.yml as Compose sees it with the given shell environment (none: a fresh clone, no .env). */
export function loadCompose(shell: Environment = {}): ComposeFile {
  // merge: the file shares blocks through YAML merge keys (<<: *app), which Compose resolves too.
  const document = parse(readRepoFile('docker-compose.yml'), { merge: true }) as unknown;
  return interpolateAll(document, shell) as ComposeFile;
}

/** Compose's two spellings of `environment`, as the strings a process receives. */
export function environmentOf(service: ComposeService): Environment {
  const { environment } = service;
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, undefined] : [line.slice(0, at), line.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, value === null ? undefined : String(value)]),
  );
}

export function commandOf(service: ComposeService): string[] {
  const { command } = service;
  if (command === undefined) return [];
  return Array.isArray(command) ? command : command.split(/\s+/).filter(Boolean);
}

/** The script a `node <file> …` command runs, or undefined for any other command. */
export function nodeEntryFile(command: string[]): string | undefined {
  return command[0] === 'node' ? command.find((word, index) => index > 0 && !word.startsWith('-')) : undefined;
}

/** `name:/path[:ro]` volume entries as [source, target]. */
export function volumeMounts(service: ComposeService): Array<[string, string]> {
  return (service.volumes ?? []).map((entry) => {
    const [source = '', target = ''] = entry.split(':');
    return [source, target];
  });
}
