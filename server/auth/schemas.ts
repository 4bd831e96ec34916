/** Request and response schemas of /api/v1/auth: sign-in, access tokens, two-factor sign-in. */
import { z } from 'zod';
import { ROLES } from '../../core/domain/roles.js';
import { INTERFACE_LANGUAGES } from '../../core/text/languages.js';
import { MAX_TOKEN_DAYS, TOKEN_SCOPES } from './api-tokens.js';
import { withCurrentPassword } from './credentials.js';
import { PASSWORD_RULE } from './passwords.js';

const totpCode = z
  .string()
  .regex(/^\d{6}$/, 'must be the 6 digits shown by your authenticator app');

export const loginBody = z
  .object({
    email: z.string().trim().max(320),
    password: z.string().max(PASSWORD_RULE.max),
    totp: totpCode.optional(),
  })
  .strict();

export const languageBody = z
  .object({ locale: z.enum(INTERFACE_LANGUAGES).describe('en, sr-Latn or sr-Cyrl') })
  .strict();

export const passwordChangeBody = withCurrentPassword({
  newPassword: z
    .string()
    .min(PASSWORD_RULE.min, `must have at least ${PASSWORD_RULE.min} characters`)
    .max(PASSWORD_RULE.max),
});

export const meOut = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    nation: z.string(),
    /** Highest rank per marking policy code (levels: GET /marking-levels). */
    clearances: z.record(z.string(), z.number().int()),
    organisationIds: z.array(z.string()),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    locale: z
      .enum(INTERFACE_LANGUAGES)
      .describe('The interface language saved on the account; the web switches to it on sign-in'),
  }),
  csrfToken: z.string(),
  abilities: z.object({ manageReferenceData: z.boolean(), administer: z.boolean() }),
});

export const tokenCreateBody = withCurrentPassword({
  name: z
    .string()
    .trim()
    .min(1, 'give the token a name that says which integration uses it')
    .max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .min(1, 'choose "read", or "read" and "write"')
    .max(TOKEN_SCOPES.length)
    .describe('"write" includes "read"'),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS} days`),
});

export const tokenOut = z
  .object({
    id: z.string(),
    version: z.number().int().describe('1 until revoked; send it as If-Match: "1" to revoke'),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .describe('AccessToken');

export const tokenCreatedOut = tokenOut
  .extend({
    token: z
      .string()
      .describe('The secret, shown this once: send it as "Authorization: Bearer <token>"'),
  })
  .describe('NewAccessToken');

export const totpSetupOut = z.object({
  secret: z.string().describe('Base32 secret to type into an authenticator app'),
  otpauthUri: z.string().describe('The same secret as an otpauth:// URI, for a QR code'),
});

export const totpEnableBody = z.object({ code: totpCode }).strict();

/** Setting up two-factor sign-in and turning it off both need the password, typed afresh. */
export const totpSetupBody = withCurrentPassword({});
export const totpDisableBody = withCurrentPassword({});
