import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanImports } from '../api/imports.js';
import { ImportModal } from './import-modal.js';

/** "Import" on a plan page, for those the server says may import into the plan. */
export function ImportButton({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const imports = usePlanImports(planId);
  if (!imports.data?.abilities.import) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileImport size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('planImport.button')}
      </Button>
      <ImportModal planId={planId} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
