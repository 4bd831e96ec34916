/**
 * Adding or changing one plan item, in a modal. A new item can be followed by the next one
 * ("Save and add another": same parent and lead organisation, the title focused again), and
 * several lines pasted into a new item's title are offered as several items, created in order.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../../../core/schemas/plan.js';
import { useMarkingLevels } from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useCreatePlanItem } from '../api/create-plan-item.js';
import { EditItem } from './item-edit.js';
import {
  createBody,
  newDraft,
  saveErrors,
  validateDraft,
  type ItemDraft,
  type ItemDraftErrors,
} from './item-draft.js';
import { ItemFields } from './item-fields.js';
import { useLabelIsPublic, type ItemFormCommon } from './item-form-common.js';

export type { OrganisationOption, StatusRule } from './item-fields.js';

/** What the form is for: a new item (at the top or under a parent) or an existing one. */
export type ItemFormTarget =
  { kind: 'create'; parent: PlanItem | null } | { kind: 'edit'; itemId: string };

interface ItemFormModalProps extends ItemFormCommon {
  target: ItemFormTarget | null;
}

/** The form in a modal; `target` null keeps it closed. */
export function ItemFormModal({ target, ...rest }: ItemFormModalProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const depth =
    target?.kind === 'create' ? (target.parent ? target.parent.depth + 1 : 0) : undefined;
  const levelName = (d: number | undefined) => {
    const level = d === undefined ? undefined : rest.levels.find((l) => l.depth === d);
    return level ? localiser.text(level.name) : t('planEdit.item');
  };
  const title =
    target?.kind === 'create'
      ? t('planEdit.addTitle', { level: levelName(depth).toLocaleLowerCase() })
      : t('planEdit.editTitle');
  return (
    <Modal
      opened={target !== null}
      onClose={rest.onClose}
      title={<Text fw={650}>{title}</Text>}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {target?.kind === 'create' ? (
        <CreateItem {...rest} parent={target.parent} />
      ) : target?.kind === 'edit' ? (
        <EditItem {...rest} itemId={target.itemId} key={target.itemId} />
      ) : null}
    </Modal>
  );
}

/** The non-empty lines of pasted text, when there are several (else null: paste as usual). */
export function pastedLines(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-•*]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
  return lines.length > 1 ? lines : null;
}

function CreateItem({
  planId,
  levels,
  organisations,
  onClose,
  onSaved,
  parent,
}: ItemFormCommon & { parent: PlanItem | null }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const create = useCreatePlanItem(planId);
  const labelIsPublic = useLabelIsPublic();
  const defaultReleasableTo = useMarkingLevels().data?.deployment.defaultLabel.releasableTo ?? [];
  const [draft, setDraft] = useState<ItemDraft>(() => newDraft(parent ?? undefined));
  const [errors, setErrors] = useState<ItemDraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [lines, setLines] = useState<{ language: 'en' | 'sr'; titles: string[] } | null>(null);
  const [creatingMany, setCreatingMany] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const depth = parent ? parent.depth + 1 : 0;

  const bodyOf = (d: ItemDraft) =>
    createBody(d, planId, parent?.id ?? null, labelIsPublic, defaultReleasableTo);

  const submit = (another: boolean) => {
    const found = validateDraft(draft, t);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    create.mutate(bodyOf(draft), {
      onSuccess: (item) => {
        notifications.show({
          color: 'teal',
          message: t('planEdit.added', { code: item.code, title: localiser.text(item.title) }),
        });
        onSaved?.(item, { formStaysOpen: another });
        if (!another) {
          onClose();
          return;
        }
        // The next item goes to the same place, led by the same organisation.
        setDraft({
          ...newDraft(parent ?? undefined),
          leadOrganisationId: draft.leadOrganisationId,
          label: draft.label,
        });
        setErrors({});
        requestAnimationFrame(() => titleRef.current?.focus());
      },
      onError: (error) => {
        const mapped = saveErrors(error, t);
        setErrors(mapped.fields);
        setFormError(mapped.form);
      },
    });
  };

  const onTitlePaste = (event: ClipboardEvent<HTMLInputElement>, language: 'en' | 'sr') => {
    const titles = pastedLines(event.clipboardData.getData('text'));
    if (!titles) return;
    event.preventDefault();
    setLines({ language, titles });
  };

  /** One item per pasted line, in order, each with the rest of the form as typed. */
  const createLines = async () => {
    if (!lines) return;
    setCreatingMany(true);
    setFormError(null);
    let made = 0;
    try {
      for (const title of lines.titles) {
        const item = await create.mutateAsync(
          bodyOf({
            ...draft,
            titleEn: lines.language === 'en' ? title : '',
            titleSr: lines.language === 'sr' ? title : '',
          }),
        );
        made += 1;
        onSaved?.(item);
      }
      notifications.show({ color: 'teal', message: t('planEdit.paste.done', { count: made }) });
      onClose();
    } catch (error) {
      setLines({ ...lines, titles: lines.titles.slice(made) });
      setFormError(
        `${t('planEdit.paste.stopped', { count: made })} ${saveErrors(error, t).form ?? ''}`.trim(),
      );
    } finally {
      setCreatingMany(false);
    }
  };

  const pasteOffer = lines ? (
    <Alert
      color="blue"
      role="status"
      title={t('planEdit.paste.title', { count: lines.titles.length })}
    >
      <Stack gap="xs">
        <Text size="sm">{t('planEdit.paste.body')}</Text>
        <List size="sm" type="ordered" aria-label={t('planEdit.paste.listLabel')}>
          {lines.titles.map((title, i) => (
            <List.Item key={i}>{title}</List.Item>
          ))}
        </List>
        <Group gap="xs">
          <Button size="xs" loading={creatingMany} onClick={() => void createLines()}>
            {t('planEdit.paste.create', { count: lines.titles.length })}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={creatingMany}
            onClick={() => {
              const joined = lines.titles.join(' ');
              setDraft((d) =>
                lines.language === 'en' ? { ...d, titleEn: joined } : { ...d, titleSr: joined },
              );
              setLines(null);
            }}
          >
            {t('planEdit.paste.asOne')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  ) : null;

  return (
    <ItemFields
      draft={draft}
      onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      errors={errors}
      formError={formError}
      depth={depth}
      levels={levels}
      organisations={organisations}
      titleRef={titleRef}
      onTitlePaste={onTitlePaste}
      notice={pasteOffer}
      context={
        <Text size="sm" c="dimmed">
          {parent
            ? t('planEdit.under', { code: parent.code, title: localiser.text(parent.title) })
            : t('planEdit.atTop')}
        </Text>
      }
      saving={create.isPending && !creatingMany}
      submitLabel={t('planEdit.add')}
      extraActions={
        <Button variant="light" disabled={create.isPending} onClick={() => submit(true)}>
          {t('planEdit.saveAndAddAnother')}
        </Button>
      }
      onSubmit={() => submit(false)}
      onCancel={onClose}
    />
  );
}
