/** How many slices a window is cut into: the reported maximum forgets a delay within a tenth of the window. */
const SLICES = 10;

export type DelayWindow = {
  /** A delay seen at `now` (milliseconds on a monotonic clock). */
  record(now: number, delayMs: number): void;
  /** The longest delay recorded within the last `windowMs` before `now`. */
  max(now: number): number;
};

/**
 * The longest delay over a sliding window, in constant memory: one maximum per slice of the window, a
 * slice reused once it has fallen out of the window (a list of samples would grow with the beat rate).
 */
export function createDelayWindow(windowMs: number): DelayWindow {
  const sliceMs = windowMs / SLICES;
  const maxima = new Array<number>(SLICES).fill(0);
  const sliceOf = new Array<number>(SLICES).fill(-1);
  return {
    record(now, delayMs) {
      const slice = Math.floor(now / sliceMs);
      const index = slice % SLICES;
      if (sliceOf[index] !== slice) {
        sliceOf[index] = slice;
        maxima[index] = 0;
      }
      maxima[index] = Math.max(maxima[index] ?? 0, delayMs);
    },
    max(now) {
      const oldest = Math.floor((now - windowMs) / sliceMs);
      let max = 0;
      for (let index = 0; index < SLICES; index++) {
        if ((sliceOf[index] ?? -1) > oldest) max = Math.max(max, maxima[index] ?? 0);
      }
      return max;
    },
  };
}
