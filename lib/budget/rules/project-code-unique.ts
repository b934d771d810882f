import { checkProjectCodesUnique } from "@/lib/budget/validate";
import { ruleFromValidation } from "./helpers";

export const projectCodeUnique = ruleFromValidation("project.code-unique", "项目编码不重复", ({ budget }) => checkProjectCodesUnique(budget));
