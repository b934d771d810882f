import { execFileSync } from "node:child_process";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";

/**
 * The whole-cycle spec's own world (budget-cycle-units-world-setup.ts): region 500915 with
 * department 9151 and its two units, the department's accountant and one accountant per unit,
 * each one's empty 2024 budget, the region's two review stages with one reviewer each, and the
 * department's issued 2024 控制数 (一般公共预算 基本支出).
 */
export const CYCLE_WORLD = {
  region: { code: "500915", name: "重庆市北碚区（预算全流程测试）" },
  department: { code: "9151", name: "重庆市北碚区全流程测试局" },
  units: [
    { code: "915101", name: "重庆市北碚区全流程测试局（本级）", accountant: "accountant.500915.9151.1" },
    { code: "915102", name: "重庆市北碚区全流程测试中心", accountant: "accountant.500915.9151.2" },
  ],
  accountant: "accountant.500915.9151",
  stages: [
    { name: "业务科室初审", reviewer: "reviewer.500915" },
    { name: "局领导审定", reviewer: "budgetchief.500915" },
  ],
  /** 一般公共预算拨款基本支出 控制数, 元. */
  ceiling: "188500.00",
  password: "cycle-test-password-5",
  year: 2024,
} as const;

export function seedCycleWorld() {
  execFileSync(process.execPath, [TSX, "e2e/budget-cycle-units-world-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
}
