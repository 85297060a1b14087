import { schedulerFence } from '@reportmail/db';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFence } from './fence.js';

describe('claimFence on real PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('lets a newer leader claim the fence when the one holding it froze inside its transaction', async () => {
    let frozenClaimed: () => void = () => undefined;
    const claimedByFrozen = new Promise<void>((resolve) => {
      frozenClaimed = resolve;
    });
    // The frozen leader claims fence 5, then never runs another statement (as if SIGSTOPped).
    const frozen = database.db.transaction(async (tx) => {
      await claimFence(tx, 5, new Date(), 500);
      frozenClaimed();
      await new Promise(() => undefined);
    });
    frozen.catch(() => undefined);
    await claimedByFrozen;
    const started = Date.now();
    const claim = await database.db.transaction((tx) => claimFence(tx, 6, new Date()));
    expect(claim).toEqual({ claimed: true });
    // Waited for the idle limit (500 ms), not for the frozen one to wake.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await database.db.select({ fence: schedulerFence.fence }).from(schedulerFence)).toEqual([{ fence: 6 }]);
  });
});
