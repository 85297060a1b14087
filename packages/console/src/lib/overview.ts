import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const overviewQuery = {
  queryKey: ['overview'],
  queryFn: () => unwrap(api.GET('/v1/overview')),
  refetchInterval: 10_000,
};

const FALLBACK_CURRENCY = { symbol: '₱', locale: 'en-PH' };

/** How money is shown (the API's CURRENCY_SYMBOL and CURRENCY_LOCALE). */
export function useCurrency(): { symbol: string; locale: string } {
  return useQuery(overviewQuery).data?.currency ?? FALLBACK_CURRENCY;
}
