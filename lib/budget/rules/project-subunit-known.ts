import { checkProjectSubUnits } from "@/lib/budget/validate";
import { ruleFromValidation } from "./helpers";

export const projectSubunitKnown = ruleFromValidation("project.subunit-known", "项目编制单位为本部门所属单位", ({ budget }) => checkProjectSubUnits(budget));
