import { Button, Menu } from '@mantine/core';
import { Link } from 'react-router';
import { CONSOLE_PATHS } from '../../paths';
import type { User } from './users-api';

export type UserAction = 'make-admin' | 'make-viewer' | 'disable' | 'enable' | 'reset-password';

type UserActionsProps = { user: User; isMe: boolean; onAction: (action: UserAction, user: User) => void };

/**
 * One menu per user. Demoting or disabling yourself (or the last admin) is offered like any other change:
 * the API decides and its reason is shown. Your own password is changed under My account.
 */
export function UserActions({ user, isMe, onAction }: UserActionsProps) {
  const act = (action: UserAction) => () => onAction(action, user);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={`Actions for ${user.email}`}>
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {user.role === 'viewer' ? (
          <Menu.Item onClick={act('make-admin')}>Make admin</Menu.Item>
        ) : (
          <Menu.Item onClick={act('make-viewer')}>Make viewer</Menu.Item>
        )}
        {user.disabled ? (
          <Menu.Item onClick={act('enable')}>Enable</Menu.Item>
        ) : (
          <Menu.Item color="red" onClick={act('disable')}>
            Disable
          </Menu.Item>
        )}
        {isMe ? (
          <Menu.Item component={Link} to={CONSOLE_PATHS.account}>
            Change my password
          </Menu.Item>
        ) : (
          <Menu.Item onClick={act('reset-password')}>Reset password</Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
