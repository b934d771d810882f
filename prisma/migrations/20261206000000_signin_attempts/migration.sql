-- Sign-in attempts move from each process's memory into the database (issue 21): behind a
-- balancer every app server counts against the same rows, and a restart forgets nothing.
-- One row per key ("user:<name>" or "addr:<address>") and fixed window; rows whose window has
-- passed are deleted as the limiter goes.
CREATE TABLE "SignInAttempt" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "SignInAttempt_windowStart_idx" ON "SignInAttempt"("windowStart");
