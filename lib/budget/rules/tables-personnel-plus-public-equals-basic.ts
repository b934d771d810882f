import { printed } from "./helpers";
import { defineRule } from "./types";

/** 人员经费 + 公用经费 = 基本支出, and T3's 合计 is T2's basic 合计 (the same general-budget basic lines). */
export const tablesPersonnelPlusPublicEqualsBasic = defineRule({
  id: "tables.personnel-plus-public-equals-basic",
  severity: "error",
  title: "人员经费与公用经费之和等于基本支出",
  check({ tables }, report) {
    const t3 = tables.T3.total;
    const sumParts = printed(t3.personnel).plus(printed(t3.public));
    if (!sumParts.equals(printed(t3.total))) {
      report("T3.total", `表三人员经费 ${t3.personnel} + 公用经费 ${t3.public} = ${sumParts.toFixed(2)}，不等于合计 ${t3.total}（万元）`);
    }
    if (t3.total !== tables.T2.total.basic) {
      report("T3.total.total", `表三基本支出合计 ${t3.total} 万元与表二基本支出合计 ${tables.T2.total.basic} 万元不一致`);
    }
  },
});
