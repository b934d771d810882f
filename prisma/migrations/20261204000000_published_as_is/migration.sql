-- Real published budgets (issue 12 §2): indicators without 一级/二级指标, 一级项目 and their
-- projects, the department's own table set and 专业性名词解释. Hand-written in Prisma's own style.

-- AlterTable
ALTER TABLE "Budget" ADD COLUMN "disclosureTables" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "tier" TEXT,
ADD COLUMN "programCode" TEXT;

-- AlterTable
ALTER TABLE "ProjectIndicator" ALTER COLUMN "level1" DROP NOT NULL,
ALTER COLUMN "level2" DROP NOT NULL;

-- AlterTable
ALTER TABLE "PerformanceIndicator" ALTER COLUMN "level1" DROP NOT NULL,
ALTER COLUMN "level2" DROP NOT NULL;

-- AlterTable
ALTER TABLE "NarrativeReasons" ADD COLUMN "glossary" TEXT;
