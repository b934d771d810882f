import Decimal from "decimal.js";

/**
 * Year-to-year mapping of function codes (e.g. 2023 2010308 信访事务 → 2024 2014004 信访业务),
 * so last year's figures land on this year's rows. Codes not in the map keep their code:
 * most subjects do not change between years.
 */
export type Crosswalk = Readonly<Record<string, string>>;

/** Re-keys amounts by the new codes; several old codes mapping to one new code are summed. */
export function applyCrosswalk(amountsByCode: Readonly<Record<string, Decimal>>, crosswalk: Crosswalk): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const [code, amount] of Object.entries(amountsByCode)) {
    const target = crosswalk[code] ?? code;
    out[target] = (out[target] ?? new Decimal(0)).plus(amount);
  }
  return out;
}
