import { z } from "zod";
import { Role } from "../db/index.ts";

export const setUserRolesSchema = z.object({
  /** The complete new set of roles; an empty list removes every role. */
  roles: z.array(z.enum(Role)).max(Object.keys(Role).length),
});
export type SetUserRolesInput = z.infer<typeof setUserRolesSchema>;
