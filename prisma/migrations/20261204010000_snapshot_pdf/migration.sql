-- The PDF of each published snapshot, rendered once and served as stored (lib/export/pdf), so a
-- download never renders again. Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "SnapshotPdf" (
    "snapshotId" INTEGER NOT NULL,
    "body" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SnapshotPdf_pkey" PRIMARY KEY ("snapshotId")
);

-- AddForeignKey
ALTER TABLE "SnapshotPdf" ADD CONSTRAINT "SnapshotPdf_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "PublishedSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A stored PDF is what the public downloaded: like its snapshot it never changes.
CREATE FUNCTION "snapshot_pdf_frozen"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '已公开预算的 PDF 不可修改或删除' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "SnapshotPdf_frozen" BEFORE UPDATE OR DELETE ON "SnapshotPdf"
    FOR EACH ROW EXECUTE FUNCTION "snapshot_pdf_frozen"();
