import { execFileSync } from "node:child_process";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";

export const ENTRY_WORLD = {
  department: "901",
  // The petition office's name: the tables print it, and they are compared with its fixture.
  name: "重庆市北碚区信访办公室",
  subUnit: { code: "111001", name: "重庆市北碚区信访办公室（本级）" },
  accountant: "accountant.901",
  password: "mingzhang-demo",
};

/** Makes the hand-entry spec's department and accountant (workspace-entry-setup.ts). */
export function seedEntryWorld() {
  execFileSync(process.execPath, [TSX, "e2e/workspace-entry-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
}
