import { defineConfig } from "prisma/config";

// The CLI only runs `prisma generate` here (migrations are applied by lib/db/migrate.ts), so no
// datasource URL is needed at generate time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
