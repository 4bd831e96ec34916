import { Avatar, Button, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconHistory,
  IconLogin2,
  IconLogout,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../../config/paths.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useAccountLanguage } from '../../../lib/localise-account.js';
import { useMe } from '../api/get-me.js';
import { useSignOut } from '../api/sign-out.js';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters
    .map((p) => Array.from(p ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}

/** "Sign in" for visitors; for a signed-in user a menu: account, administration, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const signOut = useSignOut();
  // The header is on every page: the place to keep the language and the account in step.
  useAccountLanguage(me.data?.user);

  if (me.isPending) return null;

  if (!me.data) {
    if (location.pathname === paths.signIn) return null;
    const here = `${location.pathname}${location.search}`;
    return (
      <Button
        component={Link}
        to={paths.signInThen(here)}
        variant="white"
        color="navy"
        size="xs"
        leftSection={<IconLogin2 size={16} aria-hidden />}
      >
        {t('nav.signIn')}
      </Button>
    );
  }

  const { user, abilities } = me.data;
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        {/* The button's name is the text it shows (the user's name) followed by what it opens,
            so speech input can say what a sighted user reads (WCAG 2.5.3); below lg the name
            is there for screen readers only and the initials are decoration. */}
        <UnstyledButton style={{ color: 'inherit', borderRadius: 4, padding: '4px 6px' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={28} radius="xl" color="navy" variant="white" aria-hidden>
              {initialsOf(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} c="inherit" visibleFrom="lg" maw={160} truncate>
              {user.displayName}
            </Text>
            <VisuallyHidden hiddenFrom="lg">{user.displayName}</VisuallyHidden>
            <VisuallyHidden>{t('userMenu.opens')}</VisuallyHidden>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`vocab.role.${user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to={paths.account}
          leftSection={<IconUserCircle size={16} aria-hidden />}
        >
          {t('userMenu.account')}
        </Menu.Item>
        {abilities.administer ? (
          <>
            <Menu.Item
              component={Link}
              to={paths.adminUsers}
              leftSection={<IconUsers size={16} aria-hidden />}
            >
              {t('userMenu.administration')}
            </Menu.Item>
            <Menu.Item
              component={Link}
              to={paths.auditLog}
              leftSection={<IconHistory size={16} aria-hidden />}
            >
              {t('userMenu.auditLog')}
            </Menu.Item>
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () =>
                notifications.show({ message: t('userMenu.signedOut'), color: 'navy' }),
              onError: (error) =>
                notifications.show({
                  title: t('userMenu.signOutFailed'),
                  message: errorMessage(error, t),
                  color: 'red',
                }),
            })
          }
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
