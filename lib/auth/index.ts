export { can, isPermission, permissionsOf, PERMISSIONS, ROLES, type Permission } from "./permissions.ts";
export { actsAs, principalCan, principalOfUser, type Principal, type UserWithRoleRows } from "./principal.ts";
export { isCrossOriginMutation } from "./cross-origin.ts";
export { BCRYPT_COST, hashPassword, verifyPassword } from "./password.ts";
export {
  API_TOKEN_PREFIX,
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_DAYS,
  checkTokenScopes,
  createApiToken,
  createApiTokenSchema,
  hashApiToken,
  listApiTokens,
  resolveToken,
  revokeApiToken,
  type ApiTokenSummary,
  type CreateApiTokenInput,
} from "./api-tokens.ts";
export { createAuthOptions, getAuthOptions, SessionRevokedError, type AuthEnv } from "./auth-options.ts";
export {
  FORBIDDEN_PAGE,
  PATH_HEADER,
  ROLE_REFRESH_MS,
  rolesAreFresh,
  SESSION_MAX_AGE_SECONDS,
  SIGN_IN_PAGE,
} from "./session-policy.ts";
export {
  findRouteRule,
  HTTP_METHODS,
  isRouteAccess,
  ROUTE_PERMISSIONS,
  type HttpMethod,
  type RouteAccess,
  type RouteRule,
} from "./route-permissions.ts";
