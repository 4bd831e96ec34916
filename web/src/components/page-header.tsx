import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './page-header.module.css';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /**
   * Controls shown beside the title (export, create…). Where they do not fit beside it — on a
   * phone, or with many of them — they move below the title and wrap, each with its full label.
   */
  actions?: ReactNode;
}

/** The page's one h1 with an optional lead paragraph and the page's actions. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className={classes.root}>
      <div className={classes.heading}>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="md" mt={6}>
            {description}
          </Text>
        ) : null}
      </div>
      {actions ? <div className={classes.actions}>{actions}</div> : null}
    </div>
  );
}
