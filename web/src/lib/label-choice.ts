/**
 * Choosing a record's security label in a form. A new record starts with the deployment's default
 * label (never public; the server applies it when the body carries no label); "Public" is one of
 * the levels, chosen deliberately, and the form says what it means.
 */
import { useTranslation } from 'react-i18next';
import { useMarkingLevels } from './marking-levels.js';
import { useLocalised } from './use-localised.js';

/** The choice "the deployment's default label": the body then carries no label. */
export const DEFAULT_LABEL_KEY = 'DEFAULT';
/** The unmarked public level. */
export const PUBLIC_LABEL_KEY = 'NONE:PUBLIC';

/** A label as clients send it (the owner is left to the server unless the record has one). */
export interface LabelBody {
  policy: string;
  level: string;
  releasableTo: string[];
  owner?: string;
  originatorId?: string | null;
}

/** A label as the server keeps it. */
export interface StoredLabel {
  policy: string;
  level: string;
  releasableTo: string[];
  owner: string;
  originatorId: string | null;
}

export const labelKeyOf = (label: { policy: string; level: string }) =>
  `${label.policy}:${label.level}`;

/**
 * The label the server gets for a chosen level; the releasability follows the level: public for a
 * public level, else the record's own (kept) or the deployment default's. The owner stays the
 * record's, or is left to the server (the deployment's default owner).
 */
export function labelInputOf(
  key: string,
  isPublic: boolean,
  base?: StoredLabel,
  defaultReleasableTo: readonly string[] = [],
): LabelBody {
  const [policy = 'NONE', level = 'PUBLIC'] = key.split(':');
  const kept = (base?.releasableTo ?? []).filter((n) => n !== 'PUBLIC');
  const releasableTo = isPublic
    ? ['PUBLIC']
    : kept.length > 0
      ? kept
      : defaultReleasableTo.filter((n) => n !== 'PUBLIC');
  return {
    policy,
    level,
    releasableTo,
    ...(base?.owner ? { owner: base.owner } : {}),
    originatorId: base?.originatorId ?? null,
  };
}

/** What a form needs to offer labels and turn the choice into a body. */
export interface LabelChoices {
  /** Select data: the default first (when offered), then the levels by policy. */
  data: { group: string; items: { value: string; label: string }[] }[];
  isPublic: (key: string) => boolean;
  defaultReleasableTo: string[];
  /** The hint under the field: the default's name, or a warning when public is chosen. */
  hint: (key: string) => string;
  pending: boolean;
}

/** Labels to choose from; `withDefault` offers "the deployment's default" (new records). */
export function useLabelChoices(current: string, withDefault: boolean): LabelChoices {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const markings = useMarkingLevels();
  const items = markings.data?.items ?? [];
  const policies = markings.data?.policies ?? [];
  const defaults = markings.data?.deployment.defaultLabel;
  const nameOf = (key: string) => {
    const [policy, code] = key.split(':');
    const level = items.find((l) => l.policy === policy && l.code === code);
    return level ? localiser.text(level.name) : (code ?? key).replaceAll('_', ' ');
  };
  const isPublic = (key: string) => {
    const [policy, code] = key.split(':');
    const level = items.find((l) => l.policy === policy && l.code === code);
    return level?.public ?? key === PUBLIC_LABEL_KEY;
  };
  const defaultName = defaults ? nameOf(labelKeyOf(defaults)) : '';
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const l of items) {
    if (!l.allowed) continue;
    const list = groups.get(l.policy) ?? [];
    list.push({
      value: `${l.policy}:${l.code}`,
      label: l.public
        ? `${localiser.text(l.name)} — ${t('labels.publicOption')}`
        : localiser.text(l.name),
    });
    groups.set(l.policy, list);
  }
  const data = [...groups].map(([policy, list]) => {
    const named = policies.find((p) => p.code === policy);
    return { group: named ? localiser.text(named.name) : policy, items: list };
  });
  if (withDefault)
    data.unshift({
      group: t('labels.defaultGroup'),
      items: [{ value: DEFAULT_LABEL_KEY, label: t('labels.default', { name: defaultName }) }],
    });
  // A label above what may be chosen now (kept from before) stays visible as it is.
  if (current && !data.some((g) => g.items.some((i) => i.value === current)))
    data.push({ group: t('labels.current'), items: [{ value: current, label: nameOf(current) }] });
  return {
    data,
    isPublic,
    defaultReleasableTo: defaults?.releasableTo ?? [],
    hint: (key) =>
      isPublic(key)
        ? t('labels.publicWarning')
        : key === DEFAULT_LABEL_KEY
          ? t('labels.defaultHint', { name: defaultName })
          : t('labels.hint', { highest: nameOf('NATO:NATO_UNCLASSIFIED') }),
    pending: markings.isPending,
  };
}
