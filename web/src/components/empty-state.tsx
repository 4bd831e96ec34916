import { EmptyState as MantineEmptyState } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  /** Usually a button that clears filters. */
  action?: ReactNode;
}

/** Said when a list has nothing to show, with a way out. */
export function EmptyState({ title, description, icon, action }: EmptyStateProps) {
  return (
    <MantineEmptyState
      role="status"
      py="xl"
      title={title}
      description={description}
      icon={icon ?? <IconSearchOff size={28} aria-hidden />}
      withIndicatorBackground
    >
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}
