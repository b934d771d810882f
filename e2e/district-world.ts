import { execFileSync } from "node:child_process";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";

/**
 * A copy of the demo district (data/demo) in a region of one spec's own, so that the spec reads
 * and changes only what it seeded: no other spec's publication, new year or edit shows in it,
 * whatever ran before. Made by district-world-setup.ts through the import and workflow use cases.
 */
export type DemoUnit = "104" | "111" | "134";
export type Status = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";

export interface DistrictWorld {
  region: { code: string; name: string };
  /** Which demo budgets to copy, each at a status; all three at the demo's statuses when absent. */
  budgets?: Partial<Record<DemoUnit, Status>>;
}

export interface SeededDistrict {
  regionId: number;
  /** The copied budgets by department code. */
  budgets: Partial<Record<DemoUnit, { id: number; year: number; status: Status }>>;
  /** The region's reviewer (display name: the region's name + 审核员). */
  reviewer: string;
  /** Each department's accountant (display name as in the demo). */
  accountants: Record<DemoUnit, string>;
  password: string;
}

export const reviewerOf = (region: string) => `reviewer.${region}`;
export const accountantOf = (region: string, unit: DemoUnit) => `accountant.${region}.${unit}`;

/** Seeds the world (idempotent) and answers what it holds. */
export function seedDistrict(world: DistrictWorld): SeededDistrict {
  return JSON.parse(
    execFileSync(process.execPath, [TSX, "e2e/district-world-setup.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), DISTRICT_WORLD: JSON.stringify(world) },
      encoding: "utf8",
      timeout: 180_000,
    }),
  ) as SeededDistrict;
}
