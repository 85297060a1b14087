import type { paths } from '../../api/client';

type UsersPage = paths['/v1/users']['get']['responses'][200]['content']['application/json'];
export type User = UsersPage['items'][number];
export type Role = User['role'];

export const USERS_PAGE_SIZE = 50;
export const usersKey = ['users'] as const;

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', viewer: 'Viewer' };
export const ROLE_HELP =
  'Viewers see schedules and deliveries. Admins also change them, the mail server and users, and read the audit log.';
export const ROLE_OPTIONS = [
  { value: 'viewer', label: 'Viewer (read only)' },
  { value: 'admin', label: 'Admin (can change everything)' },
];

/** The API's rule for a new password (routes/users.ts), shown beside every password input. */
export const PASSWORD_RULE = 'At least 12 characters. Length makes a password strong: a few words work well.';
