import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface CopyableValueProps {
  value: string;
  /** What is copied, for the button's name ("Copy the password"). */
  label: string;
  /** Shown instead of the value, e.g. the value split into groups for reading aloud. */
  display?: string;
  /** Large monospace for secrets people type; small for hashes. */
  size?: 'sm' | 'lg';
}

/** A value in monospace with a button that copies it; the button says when it has. */
export function CopyableValue({ value, label, display, size = 'sm' }: CopyableValueProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code
        fz={size === 'lg' ? 'lg' : 'sm'}
        px="sm"
        py={size === 'lg' ? 'xs' : 4}
        style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: '0 1 auto' }}
      >
        {display ?? value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <>
            <Tooltip label={copied ? t('common.copied') : label} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                aria-label={copied ? t('common.copied') : label}
                size="lg"
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
            {/* Tells screen-reader users that the copy worked. */}
            <span className="visually-hidden" role="status">
              {copied ? t('common.copied') : ''}
            </span>
          </>
        )}
      </CopyButton>
    </Group>
  );
}
