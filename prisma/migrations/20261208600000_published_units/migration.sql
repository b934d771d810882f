-- Issue 18: a consolidated department budget (部门汇总) is published with each unit's own
-- disclosure (the 单位 tables), frozen in the same transaction as the department's snapshot, so
-- the public reads every unit's tables as they were when the department's budget was published.
-- Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "PublishedUnit" (
    "snapshotId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tables" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    CONSTRAINT "PublishedUnit_pkey" PRIMARY KEY ("snapshotId","code")
);

-- AddForeignKey
ALTER TABLE "PublishedUnit" ADD CONSTRAINT "PublishedUnit_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "PublishedSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Like its department's snapshot, a unit's published tables never change.
CREATE FUNCTION "published_unit_frozen"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '已公开的单位公开表不可修改或删除' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PublishedUnit_frozen" BEFORE UPDATE OR DELETE ON "PublishedUnit"
    FOR EACH ROW EXECUTE FUNCTION "published_unit_frozen"();
