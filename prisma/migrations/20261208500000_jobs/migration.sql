-- Background jobs (issue 19 §2): long work a user starts and may leave running. Any app server
-- claims a queued job with FOR UPDATE SKIP LOCKED, so several servers share the queue; progress,
-- the per-item outcome and the result file live here, so a reload (or another server) reads them.
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'done', 'failed');

CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "scopeRegionId" INTEGER,
    "scopeDepartmentId" INTEGER,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "input" JSONB NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "items" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "resultName" TEXT,
    "resultType" TEXT,
    "result" BYTEA,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Job_status_id_idx" ON "Job"("status", "id");
CREATE INDEX "Job_ownerId_id_idx" ON "Job"("ownerId", "id");

ALTER TABLE "Job" ADD CONSTRAINT "Job_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "JobFile" (
    "id" SERIAL NOT NULL,
    "jobId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    CONSTRAINT "JobFile_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "JobFile_jobId_position_key" ON "JobFile"("jobId", "position");

ALTER TABLE "JobFile" ADD CONSTRAINT "JobFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
