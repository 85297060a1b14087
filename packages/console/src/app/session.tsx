import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';

export type Me = { id: string; email: string; role: 'admin' | 'viewer' };

export const meQuery = { queryKey: ['me'], queryFn: () => unwrap(api.GET('/v1/me')), staleTime: 60_000 };

/** The signed-in user (the layout only renders once it is known). */
export function useMe(): Me | undefined {
  return useQuery(meQuery).data;
}

export function useIsAdmin(): boolean {
  return useMe()?.role === 'admin';
}

/** Write controls: rendered for admins only, absent (not disabled) for viewers. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return useIsAdmin() ? children : null;
}
