-- Review workflow: the package as submitted at each submission (for the reviewer's diff after a
-- return) and the accountant's answer to a review comment. Hand-written in Prisma's own style.

-- AlterTable
ALTER TABLE "BudgetComment" ADD COLUMN "answer" TEXT;

-- CreateTable
CREATE TABLE "BudgetSubmission" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" INTEGER,
    "package" JSONB NOT NULL,
    CONSTRAINT "BudgetSubmission_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BudgetSubmission_sequence_positive" CHECK ("sequence" >= 1)
);

-- CreateIndex
CREATE UNIQUE INDEX "BudgetSubmission_budgetId_sequence_key" ON "BudgetSubmission"("budgetId", "sequence");

-- AddForeignKey
ALTER TABLE "BudgetSubmission" ADD CONSTRAINT "BudgetSubmission_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetSubmission" ADD CONSTRAINT "BudgetSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
