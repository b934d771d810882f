import type { Project } from "@/lib/budget/model";
import { defineRule } from "./types";

const PRINTED: { key: "category" | "summary" | "basis"; label: string }[] = [
  { key: "category", label: "项目分类" },
  { key: "summary", label: "项目概述" },
  { key: "basis", label: "立项依据" },
];

const blank = (v: string | undefined) => (v ?? "").trim() === "";

/**
 * Published project tables often leave these out; the table then prints them blank. A warning,
 * never a refusal: 明账 publishes what the department publishes. A 一级项目 table has no 项目分类.
 * 项目负责人 is printed nowhere and the published documents rarely carry it, so its absence is
 * reported once for the budget rather than once per project.
 */
export const projectFieldsMissing = defineRule({
  id: "project.fields-missing",
  severity: "warning",
  title: "公开绩效目标表的项目宜填写项目分类、项目概述、立项依据和项目负责人",
  check({ budget }, report) {
    const withoutOwner: { p: Project; i: number }[] = [];
    budget.projects.forEach((p, i) => {
      if (!p.disclose) return;
      if (blank(p.owner)) withoutOwner.push({ p, i });
      const missing = PRINTED.filter((w) => !(w.key === "category" && p.tier === "program")).filter((w) => blank(p[w.key]));
      if (missing.length === 0) return;
      report(`projects[${i}].${missing[0]!.key}`, `项目“${p.name}”未填写${missing.map((m) => m.label).join("、")}，公开的绩效目标表中这些栏目将为空`);
    });
    if (withoutOwner.length > 0) {
      const names = withoutOwner.map(({ p }) => `“${p.name}”`).join("、");
      report(`projects[${withoutOwner[0]!.i}].owner`, `${withoutOwner.length} 个公开绩效目标表的项目未填写项目负责人：${names}`);
    }
  },
});
