import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyableValue } from './copyable-value.js';

interface OneTimeSecretProps {
  /** e.g. "Copy the password now". */
  title: string;
  /** Why it is shown only once and what to do with it. */
  warning: ReactNode;
  value: string;
  copyLabel: string;
}

/** A secret the server shows once (a one-time password, a token), with a plain warning and copy. */
export function OneTimeSecret({ title, warning, value, copyLabel }: OneTimeSecretProps) {
  return (
    <Stack gap="sm">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={title}
        role="alert"
      >
        <Text size="sm">{warning}</Text>
      </Alert>
      <CopyableValue value={value} label={copyLabel} size="lg" />
    </Stack>
  );
}
