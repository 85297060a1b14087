/** Distinct item lists remembered at once; shop baskets repeat a lot, but memory must stay bounded. */
const CACHE_LIMIT = 10_000;

/**
 * Turns `2:5,1:7` (qty:productId pairs from the detail query) into `2× Phone case, 1× Charger`.
 * Returns a formatter with a bounded cache, one per report.
 */
export function createSaleItemsFormatter(names: Map<number, string>): (code: string) => string {
  const cache = new Map<string, string>();
  return (code) => {
    const cached = cache.get(code);
    if (cached !== undefined) return cached;
    const text = code
      .split(',')
      .filter((pair) => pair.length > 0)
      .map((pair) => {
        const [qty, productId] = pair.split(':');
        return `${qty}× ${names.get(Number(productId)) ?? 'Unknown item'}`;
      })
      .join(', ');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(code, text);
    return text;
  };
}
