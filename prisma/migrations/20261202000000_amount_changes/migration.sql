-- The trail of amounts: every amount an edit or import changed, with old and new value, under
-- the BudgetEvent that records who and when. Hand-written in Prisma's own style.

-- CreateTable
CREATE TABLE "AmountChange" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "oldValue" DECIMAL(18,2),
    "newValue" DECIMAL(18,2),
    CONSTRAINT "AmountChange_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AmountChange_changed" CHECK ("oldValue" IS DISTINCT FROM "newValue")
);

-- CreateIndex
CREATE INDEX "AmountChange_eventId_idx" ON "AmountChange"("eventId");

-- AddForeignKey
ALTER TABLE "AmountChange" ADD CONSTRAINT "AmountChange_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "BudgetEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
