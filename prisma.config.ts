import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate` (offline, see prisma/README.md); migrations run through
// prisma/tools/migrate.ts over the WebAssembly schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tuanzhu" },
});
