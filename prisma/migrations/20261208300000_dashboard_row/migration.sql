-- Issue 17 (3): the reviewer's dashboard row of each budget, kept so that a dashboard recomputes
-- only the budgets whose inputs changed (the key; see lib/db/review/dashboard-rows.ts).
-- Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "DashboardRow" (
    "budgetId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "total" DECIMAL(18,2) NOT NULL,
    "totalChange" DECIMAL(18,2),
    "basic" DECIMAL(18,2) NOT NULL,
    "project" DECIMAL(18,2) NOT NULL,
    "threePublic" DECIMAL(18,2) NOT NULL,
    "threePublicChange" DECIMAL(18,2),
    "errors" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardRow_pkey" PRIMARY KEY ("budgetId")
);

-- AddForeignKey
ALTER TABLE "DashboardRow" ADD CONSTRAINT "DashboardRow_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
