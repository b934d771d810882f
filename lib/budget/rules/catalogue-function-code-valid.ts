import { checkFunctionCodes } from "@/lib/budget/validate";
import { ruleFromValidation } from "./helpers";

export const catalogueFunctionCodeValid = ruleFromValidation("catalogue.function-code-valid", "功能分类科目为科目表中的“项”级编码", ({ budget, catalog }) =>
  checkFunctionCodes(budget, catalog),
);
