import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { commandOf, loadCompose, nodeEntryFile } from './compose.js';
import { instructionsOf, parseDockerfile, resolveArgs, type Stage, words } from './dockerfile.js';
import { ENTRYPOINT_SCRIPT } from './entrypoint.js';
import { readRepoFile, repoFileExists, serviceDirOf, tsupOutputs } from './repo.js';

const dockerfile = parseDockerfile();
const finalStage = dockerfile.stages.at(-1) as Stage;
const buildStages = dockerfile.stages.slice(0, -1);
// Its typings declare an ES default export, but the package is CommonJS exporting the function itself.
const ignore = createRequire(import.meta.url)('@balena/dockerignore') as typeof import('@balena/dockerignore').default;
const dockerignore = ignore().add(readRepoFile('.dockerignore').split('\n'));
const ASSEMBLE_SCRIPT = 'infra/docker/assemble.sh';

/** RUN commands, with the text of any repository script they run (`sh infra/…`) appended. */
function runTexts(stage: Stage): string[] {
  return instructionsOf(stage, 'RUN').map((run) => {
    const scripts = [...run.args.matchAll(/\bsh\s+(\S+\.sh)\b/g)].map((match) => match[1] ?? '');
    return [run.args, ...scripts.filter(repoFileExists).map(readRepoFile)].join('\n');
  });
}

/** The words of the final stage's last instruction of this kind (the one in force), or none. */
function lastWords(keyword: string): string[] {
  const instruction = instructionsOf(finalStage, keyword).at(-1);
  return instruction ? words(instruction) : [];
}

/** The image's working directory and the file a `node <file>` command runs there. */
function imagePathOfNodeCommand(command: string[]): string | undefined {
  const entry = nodeEntryFile(command);
  const workdir = instructionsOf(finalStage, 'WORKDIR').at(-1)?.args ?? '/';
  return entry?.startsWith('/') ? entry.slice(workdir.length + 1) : entry;
}

describe('infra/docker/Dockerfile', () => {
  it('builds in stages from a Node 22 LTS slim bookworm image', () => {
    expect(buildStages.length).toBeGreaterThanOrEqual(1);
    for (const stage of dockerfile.stages) {
      expect(resolveArgs(stage.base, dockerfile.args)).toMatch(/^node:22(\.\d+)*-bookworm-slim$/);
    }
  });

  it('ships production dependencies only, through pnpm deploy --prod', () => {
    const deploy = buildStages.flatMap(runTexts).find((text) => /pnpm\b.*\bdeploy\b/.test(text)) ?? '';
    expect(deploy).toMatch(/pnpm .*deploy .*--prod/);
    expect(deploy).toMatch(/--legacy|inject-workspace-packages/);
    expect(instructionsOf(finalStage, 'RUN').some((run) => /pnpm (install|deploy)/.test(run.args))).toBe(false);
    expect(instructionsOf(finalStage, 'COPY').some((copy) => copy.flags.from)).toBe(true);
  });

  it('deploys every service the compose file runs', () => {
    const listed = /^services="([^"]+)"/m.exec(readRepoFile(ASSEMBLE_SCRIPT))?.[1]?.split(' ') ?? [];
    const composed = Object.values(loadCompose().services)
      .map((service) => nodeEntryFile(commandOf(service)))
      .flatMap((entry) => (entry ? [serviceDirOf(entry)?.replace('services/', '')] : []));
    expect(listed).toEqual(expect.arrayContaining(composed));
  });

  it('runs as a non-root user in the final stage', () => {
    const user = instructionsOf(finalStage, 'USER').at(-1)?.args.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('starts under an init (tini installed and first in ENTRYPOINT) so signals reach the service', () => {
    const entrypoint = lastWords('ENTRYPOINT');
    expect(entrypoint[0]).toBe('/usr/bin/tini');
    expect(entrypoint[1]).toBe('--');
    expect(runTexts(finalStage).some((text) => /apt-get install .*\btini\b/.test(text))).toBe(true);
  });

  it('copies only files that exist and that .dockerignore lets into the context', () => {
    for (const copy of dockerfile.stages.flatMap((stage) => instructionsOf(stage, 'COPY'))) {
      if (copy.flags.from) continue;
      const sources = words(copy).slice(0, -1);
      for (const source of sources.filter((path) => path !== '.')) {
        expect(repoFileExists(source), `line ${copy.line}: ${source}`).toBe(true);
        expect(dockerignore.ignores(source), `line ${copy.line}: ${source} is ignored`).toBe(false);
      }
    }
  });

  it('runs an entrypoint script it copied, and by default a bundle the API builds', async () => {
    const entrypoint = lastWords('ENTRYPOINT');
    const script = entrypoint[2];
    const copied = instructionsOf(finalStage, 'COPY').find((copy) => words(copy).at(-1) === script);
    expect(copied && words(copied)[0]).toBe(ENTRYPOINT_SCRIPT);
    const cmd = lastWords('CMD');
    const file = imagePathOfNodeCommand(cmd) ?? '';
    expect(await tsupOutputs(serviceDirOf(file) ?? '')).toContain(file);
  });

  it('keeps dependencies, build output and local secrets out of the build context', () => {
    for (const path of ['node_modules/x', 'services/api/dist/main.js', '.git/HEAD', '.env', 'packages/db/.turbo/x']) {
      expect(dockerignore.ignores(path), path).toBe(true);
    }
    for (const path of ['pnpm-lock.yaml', 'packages/db/migrations/0000_init.sql', ENTRYPOINT_SCRIPT, '.env.example']) {
      expect(dockerignore.ignores(path), path).toBe(false);
    }
  });
});
