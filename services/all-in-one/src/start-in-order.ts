type Stoppable = { stop: () => Promise<void> };

/**
 * Starts each part after the previous one; when one cannot start, stops those already running (last
 * first) before failing, so a bad setting leaves no worker holding jobs. `stop` stops them all, last
 * started first.
 */
export async function startInOrder(starts: Array<() => Promise<Stoppable>>): Promise<Stoppable> {
  const running: Stoppable[] = [];
  const stopAll = async () => {
    for (const part of running.splice(0).reverse()) await part.stop();
  };
  try {
    for (const start of starts) running.push(await start());
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}
