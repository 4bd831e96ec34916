import { Anchor, List, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../lib/use-localised.js';

export interface Source {
  citation: string;
  url: string | null;
}

/** Citations, each linking to its source in a new tab when an address is known. */
export function SourcesList({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (sources.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('sources.none')}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={6} type="ordered">
      {sources.map((source, index) => (
        <List.Item key={`${index}-${source.citation}`}>
          <Text size="sm" component="span" style={{ overflowWrap: 'anywhere' }}>
            {localiser.citation(source.citation)}
          </Text>
          {source.url ? (
            <>
              {' '}
              <Anchor
                href={source.url}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {hostOf(source.url)}
                <IconExternalLink
                  size={13}
                  aria-hidden
                  style={{ verticalAlign: 'text-top', marginInlineStart: 3 }}
                />
                <span className="visually-hidden">{t('common.opensInNewTab')}</span>
              </Anchor>
            </>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** "www.nato.int" reads better than a long address; the full address is the link target. */
function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
