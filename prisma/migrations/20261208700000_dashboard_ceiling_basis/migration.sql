-- Issue 18 (Done when: the dashboard of 100 departments with 控制数 ≤ 200 ms): a dashboard row
-- keeps what the department's 控制数 count (lib/budget/ceilings.ts ceilingBasis), so the
-- dashboard no longer reads every bound budget's lines at each view. The rows are a cache: the
-- existing ones are dropped and computed again at the next read. Hand-written in Prisma's style.

-- DeleteRows
DELETE FROM "DashboardRow";

-- AlterTable
ALTER TABLE "DashboardRow" ADD COLUMN "ceilingBasis" JSONB NOT NULL;
