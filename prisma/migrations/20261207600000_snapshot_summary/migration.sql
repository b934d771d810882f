-- Issue 15: the district page and the open-data list print a budget's totals, 上年 and 比上年
-- from the summary computed with the tables and the narrative, frozen with them, instead of
-- recomputing 上年 from the package's stored priorYear (which may be stale or round otherwise).
-- NULL for snapshots published before and for 决算: the public falls back to the frozen tables.
-- Hand-written in Prisma's own style.

-- AlterTable
ALTER TABLE "PublishedSnapshot" ADD COLUMN "summary" JSONB;

-- The frozen-snapshot guard now covers "summary" (and "kind", which it had missed).
CREATE OR REPLACE FUNCTION "published_snapshot_frozen"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '已公开的预算快照不可删除' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."package" IS DISTINCT FROM OLD."package" OR NEW."tables" IS DISTINCT FROM OLD."tables"
       OR NEW."narrative" IS DISTINCT FROM OLD."narrative" OR NEW."budgetId" IS DISTINCT FROM OLD."budgetId"
       OR NEW."sequence" IS DISTINCT FROM OLD."sequence" OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
       OR NEW."prior" IS DISTINCT FROM OLD."prior" OR NEW."summary" IS DISTINCT FROM OLD."summary"
       OR NEW."kind" IS DISTINCT FROM OLD."kind"
       OR (OLD."supersededAt" IS NOT NULL AND NEW."supersededAt" IS DISTINCT FROM OLD."supersededAt") THEN
        RAISE EXCEPTION '已公开的预算快照不可修改' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
