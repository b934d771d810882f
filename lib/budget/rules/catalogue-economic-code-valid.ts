import { checkEconomicCodes } from "@/lib/budget/validate";
import { ruleFromValidation } from "./helpers";

export const catalogueEconomicCodeValid = ruleFromValidation("catalogue.economic-code-valid", "经济分类科目为科目表中的“款”级编码", ({ budget, catalog }) =>
  checkEconomicCodes(budget, catalog),
);
