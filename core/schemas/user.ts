import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema, nationCode } from './common.js';

const clearances = z
  .object({
    NATO: z.number().int().min(0).max(5),
    RS: z.number().int().min(0).max(5),
  })
  .strict();

export const userOut = z.object({
  id: z.string(),
  version: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  nation: z.string(),
  clearances: z.object({ NATO: z.number().int(), RS: z.number().int() }),
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
    nation: nationCode.default('RS'),
    clearances: clearances.default({ NATO: 1, RS: 1 }),
    organisationIds: z.array(idSchema).max(50).default([]),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z
  .object({
    displayName: z.string().trim().min(1, 'give a name').max(200),
    role: z.enum(ROLES),
    nation: nationCode,
    clearances,
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
