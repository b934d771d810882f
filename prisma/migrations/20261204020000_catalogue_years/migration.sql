-- Catalogues per year (issue 12 §3): a crosswalk entry may split one code into several, a
-- revision per year lets every process notice an import, and codes that the old year-less
-- reference list loaded into the wrong years are removed.

-- A code may now have several successors.
DROP INDEX "SubjectCrosswalk_kind_fromYear_fromCode_toYear_key";
CREATE UNIQUE INDEX "SubjectCrosswalk_kind_fromYear_fromCode_toYear_toCode_key" ON "SubjectCrosswalk"("kind", "fromYear", "fromCode", "toYear", "toCode");

-- CreateTable
CREATE TABLE "CatalogRevision" (
    "year" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "shippedDigest" TEXT,
    CONSTRAINT "CatalogRevision_pkey" PRIMARY KEY ("year")
);

-- Until now every year got the same list, so 2023 had the 2024 款 20140 信访事务 and 2024 still
-- had 2023's 2010308; the 2025 revision's codes (2170404, 22911, 23107) were in every year.
-- Only these documented cases are removed (data/catalogues/SOURCES.md); an administrator's import
-- of the official catalogue puts back anything that really exists.
DELETE FROM "FunctionSubject" WHERE "year" <= 2023 AND "code" IN ('20140', '2014001', '2014003', '2014004');
DELETE FROM "FunctionSubject" WHERE "year" >= 2024 AND "code" = '2010308';
DELETE FROM "FunctionSubject" WHERE "year" <= 2024 AND "code" IN ('2170404', '22911', '23107');
