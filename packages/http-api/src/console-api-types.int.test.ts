import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncConsoleApiTypes } from './console-api-types.js';
import { type ApiFixture, createApiFixture } from './test-fixtures.js';

describe("the console's generated API types", () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('match the routes (a route change that the console does not know of fails here: run pnpm api:types)', async () => {
    expect(await syncConsoleApiTypes(fixture.app, 'check')).toEqual({
      upToDate: true,
      path: expect.stringMatching(/packages\/console\/src\/api\/schema\.d\.ts$/),
    });
  });
});
