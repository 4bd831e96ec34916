import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../core/schemas/user.js';

/** Disabled, locked, must change password — or active when none of these holds. */
export function UserStatusBadges({
  user,
}: {
  user: Pick<User, 'disabled' | 'locked' | 'mustChangePassword'>;
}) {
  const { t } = useTranslation();
  const badges = [
    user.disabled ? { key: 'disabled', color: 'red', variant: 'filled' } : null,
    user.locked ? { key: 'locked', color: 'orange', variant: 'light' } : null,
    user.mustChangePassword
      ? { key: 'mustChangePassword', color: 'yellow', variant: 'light' }
      : null,
  ].filter((b) => b !== null);
  if (badges.length === 0)
    return (
      <Badge variant="light" color="teal" size="sm">
        {t('admin.users.status.active')}
      </Badge>
    );
  return (
    <Group gap={4}>
      {badges.map((b) => (
        <Badge key={b.key} variant={b.variant} color={b.color} size="sm">
          {t(`admin.users.status.${b.key as 'disabled' | 'locked' | 'mustChangePassword'}`)}
        </Badge>
      ))}
    </Group>
  );
}
