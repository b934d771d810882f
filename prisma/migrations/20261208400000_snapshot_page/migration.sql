-- The public page of each published budget snapshot as static HTML (plain, gzip, brotli) with its
-- strong ETag, rendered once and served as stored by every app server (lib/public/static-page).
-- Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "SnapshotPage" (
    "snapshotId" INTEGER NOT NULL,
    "withFinal" BOOLEAN NOT NULL,
    "format" INTEGER NOT NULL,
    "etag" TEXT NOT NULL,
    "html" BYTEA NOT NULL,
    "gzip" BYTEA NOT NULL,
    "brotli" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SnapshotPage_pkey" PRIMARY KEY ("snapshotId","withFinal","format")
);

-- AddForeignKey
ALTER TABLE "SnapshotPage" ADD CONSTRAINT "SnapshotPage_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "PublishedSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Bytes served under a strong ETag never change (a page of an older format may be deleted).
CREATE FUNCTION "snapshot_page_frozen"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '已公开预算的页面不可修改' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "SnapshotPage_frozen" BEFORE UPDATE ON "SnapshotPage"
    FOR EACH ROW EXECUTE FUNCTION "snapshot_page_frozen"();
