import { defineRule } from "./types";
import { textFieldsOf } from "./text-fields";

const UNIT_TITLE = /\d{4}\s*年度?\s*单位(预算|决算)|单位(预算|决算)(情况说明|公开)/;

/**
 * A 部门预算 is published under the title “部门预算”; text that calls it a “单位预算” (or
 * “单位预算情况说明”) mixes up 部门 and 单位 in the title.
 */
export const textDepartmentUnitTitle = defineRule({
  id: "text.department-unit-title",
  severity: "warning",
  title: "标题中不要混用部门与单位",
  check(ctx, report) {
    const kind = ctx.budget.kind === "final" ? "决算" : "预算";
    for (const f of textFieldsOf(ctx)) {
      if (!f.value.includes("单位")) continue;
      const m = f.value.match(UNIT_TITLE);
      if (m) report(f.path, `${f.label}写的是“${m[0]}”，本${kind}是部门${kind}，标题应为“部门${kind}”`);
    }
  },
});
