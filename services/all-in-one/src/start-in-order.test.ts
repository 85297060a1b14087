import { describe, expect, it } from 'vitest';
import { startInOrder } from './start-in-order.js';

/** A part that records its start and stop in `events`, failing to start when told. */
function part(name: string, events: string[], failsToStart = false) {
  return async () => {
    if (failsToStart) throw new Error(`${name} could not start`);
    events.push(`start ${name}`);
    return { stop: async () => void events.push(`stop ${name}`) };
  };
}

describe('startInOrder', () => {
  it('starts each part after the previous one and stops them last started first', async () => {
    const events: string[] = [];
    const parts = await startInOrder([part('report', events), part('mail', events), part('api', events)]);
    await parts.stop();
    expect(events).toEqual(['start report', 'start mail', 'start api', 'stop api', 'stop mail', 'stop report']);
  });

  it('stops the parts already running when one cannot start, and fails with its error', async () => {
    const events: string[] = [];
    const starting = startInOrder([part('report', events), part('mail', events), part('api', events, true)]);
    await expect(starting).rejects.toThrow('api could not start');
    expect(events).toEqual(['start report', 'start mail', 'stop mail', 'stop report']);
  });

  it('stops each part once, however often stop is called', async () => {
    const events: string[] = [];
    const parts = await startInOrder([part('scheduler', events)]);
    await Promise.all([parts.stop(), parts.stop()]);
    expect(events).toEqual(['start scheduler', 'stop scheduler']);
  });
});
