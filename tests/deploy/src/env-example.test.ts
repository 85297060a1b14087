import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withDotEnv } from '../../../packages/config/src/index.js';
import { readRepoFile, repoPath } from './repo.js';
import { CONFIG_LOADERS, SAMPLE_SECRETS } from './service-configs.js';

/** Every variable named in the first column of README's `| variable | …` tables. */
function documentedVariables(): string[] {
  const names = new Set<string>();
  let inTable = false;
  for (const line of readRepoFile('README.md').split('\n')) {
    if (/^\|\s*variable\s*\|/.test(line)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable)
      for (const [, name] of (line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name ?? '');
  }
  return [...names];
}

const exampleLines = readRepoFile('.env.example').split('\n');
const example = parseEnv(exampleLines.join('\n'));

describe('.env.example', () => {
  it('lists every variable the README documents, each under a comment saying what it is for', () => {
    const documented = documentedVariables();
    expect(documented).toEqual(expect.arrayContaining(['DATABASE_URL', 'OUTBOX_DIR', 'ALLOW_PRIVATE_SMTP']));
    expect(documented.filter((name) => !(name in example))).toEqual([]);
    const uncommented = exampleLines.filter(
      (line, index) => /^[A-Z_]+=/.test(line) && !exampleLines[index - 1]?.startsWith('# '),
    );
    expect(uncommented).toEqual([]);
  });

  it('copied to .env as it is, is read by every service and names nothing they do not know', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reportmail-env-'));
    try {
      await copyFile(repoPath('.env.example'), join(dir, '.env'));
      const environment = withDotEnv(SAMPLE_SECRETS, dir);
      const known = new Set<string>();
      for (const load of Object.values(CONFIG_LOADERS)) {
        load(environment);
        // Given as an object, a config keeps every key of its shape, even an empty one: what it knows.
        for (const name of Object.keys(load({ ...example, ...SAMPLE_SECRETS }))) known.add(name);
      }
      expect(Object.keys(example).filter((name) => !known.has(name))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
