-- Issue 20: a published figure's trace is computed from the snapshot alone, so the last-year
-- figures the tables were printed with (last year's approved budget, which can later be
-- adjusted) are frozen with it. NULL for snapshots published before: their tables used the
-- package's own priorYear, which the package holds. Hand-written in Prisma's own style.

-- AlterTable
ALTER TABLE "PublishedSnapshot" ADD COLUMN "prior" JSONB;

-- The frozen-snapshot guard now covers "prior" too.
CREATE OR REPLACE FUNCTION "published_snapshot_frozen"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '已公开的预算快照不可删除' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."package" IS DISTINCT FROM OLD."package" OR NEW."tables" IS DISTINCT FROM OLD."tables"
       OR NEW."narrative" IS DISTINCT FROM OLD."narrative" OR NEW."budgetId" IS DISTINCT FROM OLD."budgetId"
       OR NEW."sequence" IS DISTINCT FROM OLD."sequence" OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
       OR NEW."prior" IS DISTINCT FROM OLD."prior"
       OR (OLD."supersededAt" IS NOT NULL AND NEW."supersededAt" IS DISTINCT FROM OLD."supersededAt") THEN
        RAISE EXCEPTION '已公开的预算快照不可修改' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
