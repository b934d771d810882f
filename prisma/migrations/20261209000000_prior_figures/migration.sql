-- Issue 17 (1)/(2): the 上年 figures a budget gives next year's budget, kept under the key of
-- everything they are computed from, so that reading a budget for its tables does not read last
-- year's lines, projects and units again (half of the engine statement's server time for a
-- budget with a last year). A cache: rows are written by the engine's read (lib/db/budgets/
-- prior-figures.ts) and recomputed when their key differs. Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "PriorFigures" (
    "budgetId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "figures" JSONB,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriorFigures_pkey" PRIMARY KEY ("budgetId")
);

-- AddForeignKey
ALTER TABLE "PriorFigures" ADD CONSTRAINT "PriorFigures_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
