export { listUsers, type UserWithRoles } from "./list-users.ts";
export { setUserRoles } from "./set-user-roles.ts";
export { setUserRolesSchema, type SetUserRolesInput } from "./schemas.ts";
