import { defineConfig } from "prisma/config";

// Used by `prisma generate`. Migrations run through scripts/migrate.mjs on Prisma's WebAssembly
// schema engine, because the native engine cannot be downloaded on our machines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
