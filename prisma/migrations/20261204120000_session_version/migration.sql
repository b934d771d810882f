-- A session token carries the user's session version; bumping it ends every session of that
-- user at once (password reset, sign-out, deactivation, role change).
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
