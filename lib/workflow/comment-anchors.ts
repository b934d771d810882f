import { BUDGET_PARTS, type PackageKey } from "@/lib/budget/parts";
/**
 * Where a review comment points. `section` is one of these ids; `anchor` narrows it down:
 *  - projects: the project code ("50010922T000000001234");
 *  - basicExpenditure: "<function 项>/<economic 款>" ("2010301/30101");
 *  - threePublic: abroad | vehiclePurchase | vehicleOperation | reception;
 *  - narrative: the reason's key (incomeChange, basicUsage, …);
 *  - T1–T11: the row's subject code, or the project code for T11;
 *  - anything else: free text or none.
 * The workspace shows a comment on the form field of its section and anchor.
 */
export const COMMENT_SECTIONS = {
  overall: "总体意见",
  // The budget's parts a reviewer comments on, named as the registry names them (上年 is not one).
  ...(Object.fromEntries(BUDGET_PARTS.filter((p) => p.key !== "priorYear").map((p) => [p.key, p.label])) as {
    [K in Exclude<PackageKey, "priorYear">]: string;
  }),
  T1: "表1 财政拨款收支总表",
  T2: "表2 一般公共预算财政拨款支出预算表",
  T3: "表3 一般公共预算财政拨款基本支出预算表",
  T4: "表4 一般公共预算“三公”经费支出表",
  T5: "表5 政府性基金预算支出表",
  T6: "表6 部门收支总表",
  T7: "表7 部门收入总表",
  T8: "表8 部门支出总表",
  T9: "表9 政府采购预算明细表",
  T10: "表10 部门（单位）整体支出绩效目标表",
  T11: "表11 项目支出绩效目标表",
} as const;

export type CommentSection = keyof typeof COMMENT_SECTIONS;
export const COMMENT_SECTION_IDS = Object.keys(COMMENT_SECTIONS) as [CommentSection, ...CommentSection[]];

export function isCommentSection(s: string): s is CommentSection {
  return Object.hasOwn(COMMENT_SECTIONS, s);
}

/**
 * "项目支出 · 信息化运维项目": an anchor that is a project code (projects, T11) is shown by the
 * project's name when `projectNames` knows it; the code alone means nothing to a reader.
 */
export function commentPlace(section: string, anchor: string | null | undefined, projectNames?: ReadonlyMap<string, string>): string {
  const label = isCommentSection(section) ? COMMENT_SECTIONS[section] : section;
  if (!anchor) return label;
  const project = section === "projects" || section === "T11" ? projectNames?.get(anchor) : undefined;
  return `${label} · ${project ?? anchor}`;
}

export const COMMENT_MAX_LENGTH = 2000;
