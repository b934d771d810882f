-- Issue 17 (5): a trail event keeps the amounts it changed as one JSONB array instead of a row
-- per amount. A 200-line save that replaces its lines changes ~400 amounts; as rows, each cost a
-- foreign-key check against the event and two index entries, most of the save's time inside
-- PostgreSQL. The existing rows move into their events, in the order they were written, with
-- their values as exact two-decimal strings (numeric(18,2)::text). Hand-written in Prisma's style.

-- AlterTable
ALTER TABLE "BudgetEvent" ADD COLUMN "changes" JSONB NOT NULL DEFAULT '[]';

-- MoveRows
UPDATE "BudgetEvent" AS e
   SET "changes" = c.list
  FROM (SELECT "eventId",
               jsonb_agg(jsonb_build_object('key', "key", 'label', "label", 'oldValue', "oldValue"::text, 'newValue', "newValue"::text) ORDER BY "id") AS list
          FROM "AmountChange"
         GROUP BY "eventId") AS c
 WHERE e."id" = c."eventId";

-- DropForeignKey
ALTER TABLE "AmountChange" DROP CONSTRAINT "AmountChange_eventId_fkey";

-- DropTable
DROP TABLE "AmountChange";
