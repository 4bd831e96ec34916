/** Building blocks shared by every resource schema (API, OpenAPI document and web forms). */
import { z } from 'zod';
import { DATE_PRECISIONS, MARKING_POLICY_CODE } from '../domain/vocabularies.js';
import { partialDateGranularity, type Granularity } from '../dates/partial-date.js';

export const idSchema = z.uuid({
  message: 'must be a UUID such as 0192d7a0-7c1e-7000-8000-000000000000',
});
export const idParams = z.object({ id: idSchema }).strict();

/** One language's text: trimmed, empty becomes null. */
function textValue(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
}

/** English and Serbian text (Serbian in either script). */
export function localisedText(max = 2000) {
  return z.object({ en: textValue(max), sr: textValue(max) }).strict();
}

/** Localised text where at least one language must be given. */
export function requiredLocalisedText(max = 500) {
  return localisedText(max).refine((t) => Boolean(t.en || t.sr), {
    message: 'give the text in English, Serbian or both',
  });
}

export const localisedTextOut = z.object({ en: z.string().nullable(), sr: z.string().nullable() });

const WRITTEN: Record<string, string> = {
  'year,month,day': 'YYYY, YYYY-MM or YYYY-MM-DD',
  'month,day': 'YYYY-MM-DD or YYYY-MM',
  day: 'YYYY-MM-DD',
};

/**
 * The one schema of every date field: a real date (no 30 February, no month 13, 29 February only
 * in leap years) written with one of the allowed precisions, parsed by core/dates/partial-date.
 * A refused value is a 400 naming the field.
 */
export function dateSchema(precisions: readonly Granularity[] = ['year', 'month', 'day']) {
  const message = `must be a real date written ${WRITTEN[precisions.join(',')] ?? precisions.join(', ')}`;
  return z.string().refine((value) => {
    const granularity = partialDateGranularity(value);
    return granularity !== null && precisions.includes(granularity);
  }, message);
}

export const partialDateSchema = dateSchema();

/** One calendar day, written YYYY-MM-DD. */
export const isoDay = dateSchema(['day']);

/** A day or a month (YYYY-MM-DD or YYYY-MM), e.g. when a plan item starts. */
export const dayOrMonth = dateSchema(['month', 'day']);

export const datePrecisionSchema = z.enum(DATE_PRECISIONS);

/** A date as precisely as it is known. */
export const precisionDateSchema = z
  .object({
    date: partialDateSchema,
    end: partialDateSchema.nullable().optional(),
    precision: datePrecisionSchema,
  })
  .strict()
  .refine((d) => d.precision !== 'range' || Boolean(d.end), {
    message: 'a range needs an end date',
    path: ['end'],
  })
  .refine((d) => !d.end || d.end >= d.date, {
    message: 'the end cannot be before the start',
    path: ['end'],
  });

export const precisionDateOut = z.object({
  date: z.string(),
  end: z.string().nullable(),
  precision: datePrecisionSchema,
});

export const nationCode = z
  .string()
  .regex(
    /^([A-Z]{2}|NATO|PFP|EAPC|PUBLIC)$/,
    'must be a two-letter country code, NATO, PFP, EAPC or PUBLIC',
  );

/** A marking policy code; whether it exists is checked against the marking tables. */
export const markingPolicyCode = z
  .string()
  .regex(MARKING_POLICY_CODE, 'must be a marking policy code such as NATO or NONE');

/** A level code of a marking policy, e.g. NATO_UNCLASSIFIED. */
export const markingLevelCode = z
  .string()
  .regex(/^[A-Z0-9_]{2,40}$/, 'must be a level code such as NATO_UNCLASSIFIED');

/**
 * A security label as clients send it. Policy and level codes are checked against the marking
 * tables; a label without an owner is owned by the deployment's default owner (configuration).
 */
export const labelInput = z
  .object({
    policy: markingPolicyCode,
    level: markingLevelCode,
    releasableTo: z.array(nationCode).max(50).default([]),
    owner: z
      .string()
      .regex(/^[A-Z]{2,10}$/, 'must be an owner code such as NATO or a two-letter country code')
      .optional(),
    originatorId: idSchema.nullable().optional(),
  })
  .strict();

export const labelOut = z.object({
  policy: z.string(),
  level: z.string(),
  releasableTo: z.array(z.string()),
  owner: z.string(),
  originatorId: z.string().nullable(),
});

/** What the current actor may do with a record; the UI shows only these. */
export const abilitiesOut = z.object({ update: z.boolean(), delete: z.boolean() });

export const sourceSchema = z
  .object({
    citation: z.string().trim().min(1, 'cite the source').max(1000),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
      .nullable()
      .optional(),
  })
  .strict();
export const sourceOut = z.object({ citation: z.string(), url: z.string().nullable() });

export const recordMetaOut = {
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  label: labelOut,
  abilities: abilitiesOut,
};

/** Filter values that may be given once or repeated (?category=a&category=b or ?category=a,b). */
export function multiValue<T extends z.ZodType<string>>(item: T) {
  return z.preprocess((v) => {
    if (v === undefined) return undefined;
    const list = Array.isArray(v) ? v : [v];
    return list.flatMap((x) => String(x).split(',')).filter((x) => x !== '');
  }, z.array(item).max(50));
}
