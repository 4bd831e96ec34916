import { Button, Popover, Text } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SourcesList, type Source } from '../../../components/sources-list.js';

/** "Sources (n)": the citations one click away, without leaving the list. */
export function SourcesPopover({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation();
  return (
    <Popover
      width={440}
      position="bottom-start"
      shadow="md"
      withArrow
      trapFocus={false}
      returnFocus
    >
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconBooks size={16} aria-hidden />}
          disabled={sources.length === 0}
        >
          {t('sources.button', { count: sources.length })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('sources.title')}>
        <Text size="sm" fw={600} mb={6}>
          {t('sources.title')}
        </Text>
        <SourcesList sources={sources} />
      </Popover.Dropdown>
    </Popover>
  );
}
