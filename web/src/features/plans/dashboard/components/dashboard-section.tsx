import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface DashboardSectionProps {
  id: string;
  title: string;
  /** What is counted and how, in a sentence. */
  definition?: ReactNode;
  children: ReactNode;
}

/** One titled panel of the dashboard; its heading names the region for screen readers. */
export function DashboardSection({ id, title, definition, children }: DashboardSectionProps) {
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          {definition ? (
            <Text size="sm" c="dimmed" mt={4}>
              {definition}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
