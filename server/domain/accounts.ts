import { z } from 'zod';
import { PROGRAMMES, ROLES } from './access.ts';
import { fieldMessages as M, schemaMessage } from '../messages/fields.ts';
import { UNIT_SETS } from './unit-sets.ts';

/**
 * The request bodies of the account endpoints, validated by the server and usable by forms.
 * Strict objects: an unknown key is an error, never silently dropped.
 */

/** ASVS 5.0 6.2.1 asks for at least 8 and strongly recommends 15; 6.2.9 lets 64 and more through. */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

export const LOGIN_MIN_LENGTH = 2;
export const LOGIN_MAX_LENGTH = 64;
/** Letters, digits and . _ - @, starting with a letter or digit; as an HTML `pattern` too (the form's check). */
export const LOGIN_PATTERN = '[A-Za-z0-9][A-Za-z0-9._@\\-]*';

/** Logins are lower case (compared case-insensitively). */
export const loginSchema = z
  .string()
  .transform((s) => s.normalize('NFC').trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(LOGIN_MIN_LENGTH, schemaMessage(M.loginLength))
      .max(LOGIN_MAX_LENGTH, schemaMessage(M.loginLength))
      .regex(new RegExp(`^${LOGIN_PATTERN}$`), schemaMessage(M.loginChars)),
  );

/**
 * A password is taken exactly as typed except for Unicode NFC (the same Vietnamese text typed on
 * two keyboards can arrive composed or decomposed); never trimmed, truncated or case-folded.
 */
export const passwordSchema = z
  .string()
  .transform((s) => s.normalize('NFC'))
  .pipe(
    z
      .string()
      .min(PASSWORD_MIN_LENGTH, schemaMessage(M.passwordMin(PASSWORD_MIN_LENGTH)))
      .max(PASSWORD_MAX_LENGTH, schemaMessage(M.passwordMax(PASSWORD_MAX_LENGTH))),
  );

const displayName = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, schemaMessage(M.nameRequired)).max(100, schemaMessage(M.nameLength)));

export const unitRefSchema = z.strictObject({
  set: z.enum(UNIT_SETS),
  code: z.string().regex(/^(\d{3}|\d{5})$/, schemaMessage(M.unitRef)),
});

const scope = {
  programmes: z.array(z.enum(PROGRAMMES)).max(PROGRAMMES.length),
  units: z.array(unitRefSchema).max(500),
};

/** A login attempt: not checked against the rules for new logins and passwords, only normalised as they are. */
export const loginBodySchema = z.strictObject({
  login: z
    .string()
    .min(1)
    .max(200)
    .transform((s) => s.normalize('NFC').trim().toLowerCase()),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH)
    .transform((s) => s.normalize('NFC')),
});

export const newUserSchema = z.strictObject({
  login: loginSchema,
  name: displayName,
  role: z.enum(ROLES),
  password: passwordSchema,
  programmes: scope.programmes.default([]),
  units: scope.units.default([]),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userPatchSchema = z
  .strictObject({
    name: displayName,
    role: z.enum(ROLES),
    programmes: scope.programmes,
    units: scope.units,
    disabled: z.boolean(),
    password: passwordSchema,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { error: schemaMessage(M.nothingToChange) });
export type UserPatch = z.infer<typeof userPatchSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: loginBodySchema.shape.password,
  newPassword: passwordSchema,
});

/** API tokens expire: 180 days unless asked otherwise, at most two years. */
export const TOKEN_DEFAULT_DAYS = 180;
export const newTokenSchema = z.strictObject({
  name: displayName,
  expiresInDays: z.number().int().min(1).max(730).default(TOKEN_DEFAULT_DAYS),
});

/** The answers of the account endpoints, as schemas: the server builds them, the client checks them. */
const isoTime = z.string();

/** Who is logged in, as the client needs it to show them and what they may edit. */
export const userResponse = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  programmes: z.array(z.enum(PROGRAMMES)),
  units: z.array(unitRefSchema),
});
export type UserResponse = z.infer<typeof userResponse>;

/** GET /api/session (and the answers of logging in and out). */
export const sessionResponse = z.object({
  loginRequired: z.boolean(),
  user: userResponse.nullable(),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z.string().nullable(),
  expiresAt: z.object({ idle: isoTime, absolute: isoTime }).nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** A user as the admin's users page lists them. */
export const adminUserResponse = userResponse.extend({
  disabled: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  passwordChangedAt: isoTime,
  lastLoginAt: isoTime.nullable(),
  activeSessions: z.number().int(),
});
export type AdminUserResponse = z.infer<typeof adminUserResponse>;
export const usersResponse = z.object({ users: z.array(adminUserResponse) });

/** An API token as listed: never the token itself, only its first characters. */
export const tokenResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoTime,
  expiresAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
});
export type TokenResponse = z.infer<typeof tokenResponse>;
export const tokensResponse = z.object({ tokens: z.array(tokenResponse) });
/** DELETE /api/users/:id/tokens: how many were live and are revoked now, and the user's tokens after. */
export const revokedTokensResponse = tokensResponse.extend({ revokedTokens: z.number().int() });
/** POST /api/account/tokens: the one answer that carries the token. */
export const newTokenResponse = tokenResponse.extend({ token: z.string() });
