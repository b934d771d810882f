import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_DATA_DIR } from "@/lib/db/runtime";

/** The session-signing secret of a zero-configuration install, made once and kept in .data/. */
export function loadOrCreateSecret(): string {
  const file = path.join(APP_DATA_DIR, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(APP_DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
