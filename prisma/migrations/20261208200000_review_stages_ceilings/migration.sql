-- Issue 18 §2–3: 控制数 (ceilings per department, year, fund and 基本/项目), the 批复 with its PDF,
-- and review stages per region (a budget moves through them; a region without stages reviews in
-- one step as before, so existing data keeps working). Hand-written in Prisma's own style.

-- CreateEnum
CREATE TYPE "CeilingKind" AS ENUM ('basic', 'project');

-- CreateTable
CREATE TABLE "ReviewStage" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "ReviewStage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReviewStage_position_positive" CHECK ("position" >= 1)
);

-- CreateTable
CREATE TABLE "Ceiling" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "fund" "Fund" NOT NULL,
    "kind" "CeilingKind" NOT NULL,
    "projectCode" TEXT NOT NULL DEFAULT '',
    "amount" DECIMAL(18,2) NOT NULL,
    "issuedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Ceiling_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Ceiling_amount_nonnegative" CHECK ("amount" >= 0),
    -- A ceiling for one 项目 only makes sense among 项目支出.
    CONSTRAINT "Ceiling_project_code_kind" CHECK ("projectCode" = '' OR "kind" = 'project')
);

-- CreateTable
CREATE TABLE "BudgetReply" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" INTEGER,
    "totals" JSONB NOT NULL,
    "pdf" BYTEA NOT NULL,
    CONSTRAINT "BudgetReply_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "reviewStageId" INTEGER;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_stage_reviewer" CHECK ("reviewStageId" IS NULL OR "role" = 'REVIEWER');

-- AlterTable
ALTER TABLE "Budget" ADD COLUMN "reviewStageId" INTEGER,
ADD COLUMN "stageEnteredAt" TIMESTAMP(3),
ADD COLUMN "replyIssuedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "BudgetEvent" ADD COLUMN "stage" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ReviewStage_regionId_position_key" ON "ReviewStage"("regionId", "position");
CREATE UNIQUE INDEX "Ceiling_departmentId_year_fund_kind_projectCode_key" ON "Ceiling"("departmentId", "year", "fund", "kind", "projectCode");
CREATE INDEX "BudgetReply_budgetId_idx" ON "BudgetReply"("budgetId");
CREATE INDEX "BudgetReply_issuedById_idx" ON "BudgetReply"("issuedById");
CREATE INDEX "Membership_reviewStageId_idx" ON "Membership"("reviewStageId");
CREATE INDEX "Budget_reviewStageId_idx" ON "Budget"("reviewStageId");

-- AddForeignKey
ALTER TABLE "ReviewStage" ADD CONSTRAINT "ReviewStage_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Ceiling" ADD CONSTRAINT "Ceiling_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetReply" ADD CONSTRAINT "BudgetReply_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BudgetReply" ADD CONSTRAINT "BudgetReply_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_reviewStageId_fkey" FOREIGN KEY ("reviewStageId") REFERENCES "ReviewStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_reviewStageId_fkey" FOREIGN KEY ("reviewStageId") REFERENCES "ReviewStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
