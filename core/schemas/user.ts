import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema, markingLevelCode, markingPolicyCode, nationCode } from './common.js';

/** One clearance: the highest level of one marking policy the user may read. */
export const clearanceInput = z
  .object({ policy: markingPolicyCode, level: markingLevelCode })
  .strict();
export type ClearanceInput = z.infer<typeof clearanceInput>;

/**
 * A user's clearances, one per marking policy (policies and levels are data: checked against the
 * marking tables). A policy left out is read at its public level only.
 */
export const clearanceList = z
  .array(clearanceInput)
  .max(20)
  .refine((list) => new Set(list.map((c) => c.policy)).size === list.length, {
    message: 'give each marking policy once',
  });

export const clearanceOut = z.object({
  policy: z.string(),
  level: z.string(),
  rank: z.number().int(),
});

export const userOut = z.object({
  id: z.string(),
  version: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  nation: z.string(),
  clearances: z.array(clearanceOut),
  organisationIds: z.array(z.string()),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userOut>;

export const userCreate = z
  .object({
    email: z.email('must be an e-mail address'),
    displayName: z.string().trim().min(1, 'give a name').max(200),
    role: z.enum(ROLES),
    /** Omitted: the deployment's partner nation (configuration). */
    nation: nationCode.optional(),
    /** Omitted: every policy's highest level the deployment may hold. */
    clearances: clearanceList.optional(),
    organisationIds: z.array(idSchema).max(50).default([]),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z
  .object({
    displayName: z.string().trim().min(1, 'give a name').max(200),
    role: z.enum(ROLES),
    nation: nationCode,
    clearances: clearanceList,
    organisationIds: z.array(idSchema).max(50),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type UserUpdate = z.infer<typeof userUpdate>;

export const userListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
});

export const grantOut = z.object({
  id: z.string(),
  version: z.number().int().describe('Always 1: send If-Match: "1" to revoke'),
  userId: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const grantCreate = z
  .object({
    entityType: z.enum([
      'organisation',
      'agreement',
      'timeline_event',
      'mechanism',
      'plan',
      'plan_item',
      'activity',
      'person',
    ]),
    entityId: idSchema,
    expiresAt: z.iso
      .datetime({ message: 'must be an ISO date-time such as 2027-01-31T00:00:00Z' })
      .nullable()
      .optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type GrantCreate = z.infer<typeof grantCreate>;
