import { execFileSync } from "node:child_process";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";

/**
 * The units spec's own world (units-world-setup.ts): region 500912 with department 9121, its two
 * units (本级 and a 下属单位), the department's accountant and one accountant per unit, the
 * department's empty 2024 budget and each unit's empty 2024 budget (单位预算).
 */
export const UNITS_WORLD = {
  region: { code: "500912", name: "重庆市北碚区（单位测试）" },
  department: { code: "9121", name: "重庆市北碚区单位测试局" },
  units: [
    { code: "9121001", name: "重庆市北碚区单位测试局（本级）", accountant: "accountant.500912.9121.1" },
    { code: "9121002", name: "重庆市北碚区单位测试中心", accountant: "accountant.500912.9121.2" },
  ],
  accountant: "accountant.500912.9121",
  password: "units-test-password-9",
  year: 2024,
} as const;

export function seedUnitsWorld() {
  execFileSync(process.execPath, [TSX, "e2e/units-world-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
}
