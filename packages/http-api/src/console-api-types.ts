import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleAssetsDir } from '@reportmail/console';
import type { FastifyInstance } from 'fastify';
import openapiTS, { astToString } from 'openapi-typescript';

/** The console's typed client is generated from this document, so a route change that breaks it fails CI. */
export const CONSOLE_API_TYPES = join(consoleAssetsDir(), '..', 'src', 'api', 'schema.d.ts');

const BANNER =
  '// Generated from the API’s OpenAPI document by `pnpm api:types`: do not edit by hand.\n' +
  '// packages/http-api/src/console-api-types.int.test.ts fails when it no longer matches the routes.\n';

/** The TypeScript types (openapi-typescript) of a built app's OpenAPI document. */
export async function consoleApiTypesOf(app: FastifyInstance): Promise<string> {
  await app.ready();
  const document = app.swagger() as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: true });
  return BANNER + astToString(ast);
}

export type TypesCheck = { upToDate: boolean; path: string };

/** Writes the types file (`write`) or tells whether the checked-in one is what the routes give. */
export async function syncConsoleApiTypes(app: FastifyInstance, mode: 'write' | 'check'): Promise<TypesCheck> {
  const generated = await consoleApiTypesOf(app);
  const current = await readFile(CONSOLE_API_TYPES, 'utf8').catch(() => '');
  if (mode === 'write' && current !== generated) await writeFile(CONSOLE_API_TYPES, generated);
  return { upToDate: mode === 'write' || current === generated, path: CONSOLE_API_TYPES };
}
