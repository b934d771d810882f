import type { FinalTableId } from "./types";

/** Titles of the 部门决算公开 tables (财决公开01–09) and the 绩效自评表; `{year}` is the 决算 year. */
export const FINAL_TABLE_TITLES: Readonly<Record<FinalTableId, string>> = {
  F1: "{year}年度收入支出决算总表",
  F2: "{year}年度收入决算表",
  F3: "{year}年度支出决算表",
  F4: "{year}年度财政拨款收入支出决算总表",
  F5: "{year}年度一般公共预算财政拨款支出决算表",
  F6: "{year}年度一般公共预算财政拨款基本支出决算表",
  F7: "{year}年度一般公共预算财政拨款“三公”经费支出决算表",
  F8: "{year}年度政府性基金预算财政拨款收入支出决算表",
  F9: "{year}年度国有资本经营预算财政拨款支出决算表",
  F10: "{year}年度项目支出绩效自评表",
};
