-- Issue 18 §1: units under a department. A Budget row with a subUnitId is the 单位预算 of that
-- unit; the department's own row (subUnitId NULL) is consolidated from its units. A Membership
-- with a subUnitId is a unit accountant. Hand-written in Prisma's own style.

-- AlterTable
ALTER TABLE "Budget" ADD COLUMN "subUnitId" INTEGER;
ALTER TABLE "Membership" ADD COLUMN "subUnitId" INTEGER;

-- One budget per department, year, kind and unit; NULLS NOT DISTINCT keeps "one department
-- budget a year" (subUnitId NULL) as unique as it was.
DROP INDEX "Budget_departmentId_year_kind_key";
CREATE UNIQUE INDEX "Budget_departmentId_year_kind_subUnitId_key" ON "Budget"("departmentId", "year", "kind", "subUnitId") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "SubUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "SubUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only an accountant may be scoped to a unit (and an accountant always to its department too).
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_scope";
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_scope" CHECK (
    ("role" = 'ACCOUNTANT' AND "departmentId" IS NOT NULL AND "regionId" IS NULL) OR
    ("role" = 'REVIEWER' AND "regionId" IS NOT NULL AND "departmentId" IS NULL AND "subUnitId" IS NULL) OR
    ("role" = 'ADMIN' AND "regionId" IS NULL AND "departmentId" IS NULL AND "subUnitId" IS NULL));
