// Personal and service-account API tokens. The token is shown once; only its sha256 is stored, so a
// database leak yields no usable token. A token acts for its owner, within its scopes, and never
// beyond the owner's current roles (checked on every request, so a role change takes effect at once).
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { appendAuditLog } from "../audit-log/index.ts";
import type { Db, Role } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { isPermission, permissionsOf, type Permission } from "./permissions.ts";
import { principalCan, principalOfUser, type Principal } from "./principal.ts";

export const API_TOKEN_PREFIX = "cnry_";
/** How many leading characters of a token are stored and shown, e.g. `cnry_Ab3dE9x`. */
export const TOKEN_DISPLAY_PREFIX_LENGTH = 12;
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
/** lastUsedAt is written at most this often per token, so busy tokens do not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const DAY_MS = 86_400_000;
// 32 random bytes in base64url are 43 characters.
const TOKEN_PATTERN = /^cnry_[A-Za-z0-9_-]{43}$/;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Permission names; default: everything the owner's roles allow. */
  scopes: z.array(z.string()).min(1).max(100).optional(),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
  /** Mint a token for a service account (admins only); default: the caller. */
  userId: z.string().min(1).optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/** What is stored and listed about a token; never the token or its hash. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  scopes: string[];
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const SUMMARY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  userId: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

/** sha256 hex of the whole token: the only form in which a token is stored. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh token: `cnry_` and 32 random bytes in base64url. */
export function generateApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * Checks requested scopes against the owner's roles and returns them as permissions. Throws
 * AppError unprocessable for a name that is no permission, forbidden for one the roles do not grant.
 */
export function checkTokenScopes(ownerRoles: readonly Role[], requested: readonly string[] | undefined): Permission[] {
  const allowed = permissionsOf(ownerRoles);
  if (requested === undefined) return allowed;
  for (const scope of requested) {
    if (!isPermission(scope)) throw new AppError("unprocessable", `unknown scope "${scope}"`, { scope });
    if (!allowed.includes(scope)) {
      throw new AppError("forbidden", `scope "${scope}" exceeds the token owner's roles`, { scope });
    }
  }
  return [...new Set(requested as Permission[])];
}

/**
 * Creates a token for the caller, or, for an admin, for a service account. Returns the token in
 * clear exactly once. Audited as `api_token.create` in the same transaction.
 */
export async function createApiToken(
  db: Db,
  principal: Principal,
  input: CreateApiTokenInput,
  now = new Date(),
): Promise<{ token: string; apiToken: ApiTokenSummary }> {
  const parsed = createApiTokenSchema.parse(input);
  if (principal.via === "token") throw new AppError("forbidden", "API tokens cannot create API tokens; sign in to create one");
  if (!principalCan(principal, "tokens.manage")) throw new AppError("forbidden", "you may not manage API tokens");
  const ownerId = parsed.userId ?? principal.userId;
  const owner = await db.user.findUnique({ where: { id: ownerId }, include: { roles: true } });
  if (!owner) throw new AppError("not_found", `no user with id ${ownerId}`);
  if (owner.id !== principal.userId) {
    if (!principalCan(principal, "users.manage")) throw new AppError("forbidden", "only admins may create tokens for other accounts");
    if (!owner.isService) throw new AppError("forbidden", "tokens for another account may only be created for service accounts");
  }
  if (owner.disabledAt) throw new AppError("conflict", "the token owner is disabled");
  const scopes = checkTokenScopes(
    owner.roles.map((m) => m.role),
    parsed.scopes,
  );
  if (scopes.length === 0) throw new AppError("forbidden", "the token owner has no roles, so a token could do nothing");

  const token = generateApiToken();
  const expiresAt = new Date(now.getTime() + parsed.expiresInDays * DAY_MS);
  const apiToken = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: parsed.name,
        prefix: token.slice(0, TOKEN_DISPLAY_PREFIX_LENGTH),
        tokenHash: hashApiToken(token),
        userId: owner.id,
        createdById: principal.userId,
        scopes,
        expiresAt,
      },
      select: SUMMARY_SELECT,
    });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "api_token.create",
      targetType: "api_token",
      targetId: created.id,
      details: { name: created.name, prefix: created.prefix, ownerId: owner.id, scopes, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { token, apiToken };
}

/** The caller's tokens (or, for an admin, a service account's), newest first, revoked ones included. */
export async function listApiTokens(db: Db, principal: Principal, userId = principal.userId): Promise<ApiTokenSummary[]> {
  if (userId !== principal.userId && !principalCan(principal, "users.manage")) {
    throw new AppError("forbidden", "only admins may list other accounts' tokens");
  }
  return db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: SUMMARY_SELECT });
}

/** Revokes a token of the caller's (admins: any token). Idempotent; audited as `api_token.revoke`. */
export async function revokeApiToken(db: Db, principal: Principal, tokenId: string, now = new Date()): Promise<ApiTokenSummary> {
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { id: tokenId }, select: SUMMARY_SELECT });
    // Another user's token is reported as missing, so ids cannot be probed.
    if (!existing || (existing.userId !== principal.userId && !principalCan(principal, "users.manage"))) {
      throw new AppError("not_found", `no API token with id ${tokenId}`);
    }
    if (existing.revokedAt) return existing;
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now }, select: SUMMARY_SELECT });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "api_token.revoke",
      targetType: "api_token",
      targetId: tokenId,
      details: { name: existing.name, prefix: existing.prefix, ownerId: existing.userId },
    });
    return revoked;
  });
}

/**
 * The principal a bearer token acts as. Throws AppError unauthenticated for a malformed, unknown,
 * revoked or expired token and for a disabled owner. Records lastUsedAt at most once a minute.
 */
export async function resolveToken(db: Db, token: string, now = new Date()): Promise<Principal> {
  if (!TOKEN_PATTERN.test(token)) throw new AppError("unauthenticated", "malformed API token");
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: { include: { roles: true } } },
  });
  if (!found) throw new AppError("unauthenticated", "unknown API token");
  if (found.revokedAt) throw new AppError("unauthenticated", "this API token has been revoked");
  if (found.expiresAt.getTime() <= now.getTime()) throw new AppError("unauthenticated", "this API token has expired");
  if (found.user.disabledAt) throw new AppError("unauthenticated", "this API token's owner is disabled");

  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional update: concurrent requests within the same minute write once.
    await db.apiToken.updateMany({
      where: {
        id: found.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return {
    ...principalOfUser(found.user, `token:${found.name} (${found.user.email})`),
    via: "token",
    scopes: found.scopes.filter(isPermission),
    // Only a service account's token answers to someone else; a personal token's creator is its owner.
    ...(found.user.isService && found.createdById ? { tokenCreatedById: found.createdById } : {}),
  };
}
