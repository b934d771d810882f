import { isEconomicItem, isFunctionItem } from "@/lib/catalog/catalog";
import { defineFinalRule } from "./types";

/** Every line is booked on a 功能 项 and (basic lines) an 经济 款 of the catalogue. */
export const finalCatalogueCodesValid = defineFinalRule({
  id: "final.catalogue-codes-valid",
  severity: "error",
  title: "功能分类为“项”级、经济分类为“款”级科目",
  check({ final, catalog }, report) {
    const fn = (code: string, path: string) => {
      if (!isFunctionItem(catalog, code)) report(path, `功能分类科目 ${code} 不是科目表中的“项”级科目`);
    };
    const eco = (code: string, path: string) => {
      if (!isEconomicItem(catalog, code)) report(path, `经济分类科目 ${code} 不是科目表中的“款”级科目`);
    };
    final.income.forEach((l, i) => fn(l.function, `income[${i}].function`));
    final.basicExpenditure.forEach((l, i) => {
      fn(l.function, `basicExpenditure[${i}].function`);
      eco(l.economic, `basicExpenditure[${i}].economic`);
    });
    final.projects.forEach((p, i) => {
      fn(p.function, `projects[${i}].function`);
      if (p.economic) eco(p.economic, `projects[${i}].economic`);
    });
  },
});
