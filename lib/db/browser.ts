// The enums client components may load: Prisma's generated enums, without the client that needs pg.
export { ConsentBasis, IntendedUse } from "./generated/enums.ts";
