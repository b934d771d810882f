import type { Operator } from "@/lib/budget/model";
import type { IndicatorOperator } from "@/generated/prisma/client";

const TO_DB: Record<Operator, IndicatorOperator> = {
  ">=": "ge",
  "<=": "le",
  "=": "eq",
  ">": "gt",
  "<": "lt",
  定性: "qualitative",
};
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([k, v]) => [v, k])) as Record<IndicatorOperator, Operator>;

export const operatorToDb = (op: Operator): IndicatorOperator => TO_DB[op];
export const operatorFromDb = (op: IndicatorOperator): Operator => FROM_DB[op];
