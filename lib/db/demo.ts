import type { BudgetStatus } from "@/generated/prisma/client";

/** The demo district, its departments' budgets (data/demo) and the demo accounts. */
export const DEMO_PASSWORD = "mingzhang-demo";

export const DEMO_BUDGETS: { file: string; status: BudgetStatus }[] = [
  { file: "beibei-government-office-2024.package.json", status: "PUBLISHED" },
  { file: "beibei-petition-office-2024.package.json", status: "SUBMITTED" },
  { file: "beibei-government-services-2023.package.json", status: "DRAFT" },
];

/**
 * The demo 决算: 104 区政府办公室's 2020 决算 as published (the seed of test/fixtures, a copy).
 * Its 2020 budget is not loaded: a budget needs the year's catalogue in the database, which starts
 * at 2023, so the public comparison uses the 决算's own 年初预算数 column instead.
 */
export const DEMO_FINALS: { file: string; status: BudgetStatus }[] = [{ file: "beibei-government-office-2020-final.package.json", status: "PUBLISHED" }];

/** Departments whose 决算 draft the demo starts from their budget of the same year (accountant.134's 2023 决算). */
export const DEMO_FINAL_DRAFTS: { unit: string; year: number }[] = [{ unit: "134", year: 2023 }];

export const DEMO_REGION = { code: "500109", name: "重庆市北碚区" };

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: "ADMIN" | "REVIEWER" | "ACCOUNTANT";
  region?: string;
  department?: string;
  /** A unit accountant's unit (a DEMO_SUB_UNITS code). */
  subUnit?: string;
}[] = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN" },
  { username: "reviewer.500109", displayName: "北碚区财政局审核员", role: "REVIEWER", region: "500109" },
  { username: "accountant.104", displayName: "区政府办公室会计", role: "ACCOUNTANT", region: "500109", department: "104" },
  { username: "accountant.111", displayName: "区信访办公室会计", role: "ACCOUNTANT", region: "500109", department: "111" },
  { username: "accountant.134", displayName: "区政务服务管理办公室会计", role: "ACCOUNTANT", region: "500109", department: "134" },
  // The two units of 104 and their accountants (单位会计), each preparing its unit's budget.
  { username: "accountant.104.1", displayName: "区政府办公室（本级）会计", role: "ACCOUNTANT", region: "500109", department: "104", subUnit: "104001" },
  { username: "accountant.104.2", displayName: "区信息中心会计", role: "ACCOUNTANT", region: "500109", department: "104", subUnit: "104002" },
];

/**
 * The units of the demo departments (本级 and 下属单位): 104 区政府办公室 has its 本级 and the
 * 区信息中心, whose accountants prepare their unit's budgets (单位预算) that 104's budget
 * consolidates (部门汇总). 104001 also comes with 104's package; the name here wins.
 */
export const DEMO_SUB_UNITS: { department: string; code: string; name: string }[] = [
  { department: "104", code: "104001", name: "重庆市北碚区人民政府办公室（本级）" },
  { department: "104", code: "104002", name: "重庆市北碚区信息中心" },
];

/** The transitions a demo budget went through to reach its status, for a realistic trail. */
export const PATH_TO: Record<BudgetStatus, BudgetStatus[]> = {
  DRAFT: [],
  SUBMITTED: ["SUBMITTED"],
  RETURNED: ["SUBMITTED", "RETURNED"],
  APPROVED: ["SUBMITTED", "APPROVED"],
  PUBLISHED: ["SUBMITTED", "APPROVED", "PUBLISHED"],
};
