import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRepoFile, repoPath, serviceDirOf, tsupOutputs } from './repo.js';
import { CONFIG_LOADERS, type Environment, SAMPLE_SECRETS, unknownVariables } from './service-configs.js';

const UNIT_DIR = 'infra/systemd';
const INSTALL_DIR = '/opt/reportmail/';
const units = readdirSync(repoPath(UNIT_DIR)).filter((file) => file.endsWith('.service'));

/** `Key=value` lines of a unit, all values of a repeated key kept. */
function directives(unit: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const line of readRepoFile(`${UNIT_DIR}/${unit}`).split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) found.set(match[1], [...(found.get(match[1]) ?? []), match[2] ?? '']);
  }
  return found;
}

function entryFileOf(unit: string): string {
  const exec = directives(unit).get('ExecStart')?.[0] ?? '';
  const file = exec.split(/\s+/).find((word) => word.startsWith(INSTALL_DIR)) ?? '';
  return file.slice(INSTALL_DIR.length);
}

function exampleEnvironment(): Environment {
  const lines = readRepoFile(`${UNIT_DIR}/reportmail.env.example`).split('\n');
  const pairs = lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split(/=(.*)/s));
  return Object.fromEntries(pairs.map(([name = '', value = '']) => [name, value]));
}

describe('infra/systemd', () => {
  it('has a unit per service, a migrate one-shot, a mail-worker template, a target and the all-in-one', () => {
    expect(units.sort()).toEqual(
      [
        'reportmail-all-in-one.service',
        'reportmail-api.service',
        'reportmail-mail-worker@.service',
        'reportmail-migrate.service',
        'reportmail-report-worker.service',
        'reportmail-scheduler.service',
      ].sort(),
    );
    const target = readRepoFile(`${UNIT_DIR}/reportmail.target`);
    for (const unit of units.filter((name) => !name.includes('@') && !name.includes('all-in-one'))) {
      expect(target).toContain(unit);
    }
    // The all-in-one runs the same parts as the target's services: a box runs one or the other.
    expect(target).not.toContain('all-in-one');
    expect(target).toContain('reportmail-mail-worker@1.service');
  });

  it.each(units)('%s runs a bundle its service builds, from the env file, hardened', async (unit) => {
    const found = directives(unit);
    const file = entryFileOf(unit);
    expect(await tsupOutputs(serviceDirOf(file) ?? '')).toContain(file);
    expect(found.get('EnvironmentFile')).toEqual(['/etc/reportmail/reportmail.env']);
    expect(found.get('NoNewPrivileges')).toEqual(['yes']);
    expect(found.get('ProtectSystem')).toEqual(['strict']);
    expect(found.get('User')).toEqual(['reportmail']);
    if (unit === 'reportmail-migrate.service') expect(found.get('Type')).toEqual(['oneshot']);
    else {
      expect(found.get('Restart')).toEqual(['on-failure']);
      expect(found.get('Requires')).toEqual(['reportmail-migrate.service']);
      expect(found.get('After')?.join(' ')).toContain('reportmail-migrate.service');
    }
  });

  it('has an env file example every service parses, with no variable no service knows', () => {
    // The example leaves the secrets empty for the operator to generate.
    const environment = { ...exampleEnvironment(), ...SAMPLE_SECRETS };
    const unknownToEach = Object.keys(CONFIG_LOADERS).map((dir) => new Set(unknownVariables(dir, environment)));
    const unknownToAll = Object.keys(environment).filter((name) => unknownToEach.every((set) => set.has(name)));
    expect(unknownToAll).toEqual([]);
  });
});
