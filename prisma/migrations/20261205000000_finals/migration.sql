-- 部门决算 through the product (issue 16): the content of a 决算 is its package document, and a
-- published snapshot says which kind it froze. Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "FinalContent" (
    "budgetId" INTEGER NOT NULL,
    "package" JSONB NOT NULL,
    CONSTRAINT "FinalContent_pkey" PRIMARY KEY ("budgetId")
);

-- AddForeignKey
ALTER TABLE "FinalContent" ADD CONSTRAINT "FinalContent_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every snapshot so far froze a budget. Adding a column with a default rewrites no row, so the
-- frozen-snapshot trigger is not involved.
ALTER TABLE "PublishedSnapshot" ADD COLUMN "kind" "BudgetKind" NOT NULL DEFAULT 'budget';
