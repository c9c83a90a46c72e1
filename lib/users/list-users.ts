import type { Db, Role } from "../db/index.ts";

export interface UserWithRoles {
  id: string;
  email: string;
  name: string;
  isService: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  roles: Role[];
}

/** Every user with their roles, by email. Small by nature (people and service accounts of one organisation). */
export async function listUsers(db: Db): Promise<UserWithRoles[]> {
  const users = await db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, isService: true, disabledAt: true, createdAt: true, roles: { select: { role: true } } },
  });
  return users.map((user) => ({ ...user, roles: user.roles.map((m) => m.role).sort() }));
}
