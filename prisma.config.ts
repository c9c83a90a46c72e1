import { defineConfig } from "prisma/config";

// The datasource URL is needed only by migrate commands; `prisma generate` runs without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://canary:canary@127.0.0.1:55432/canary" },
});
