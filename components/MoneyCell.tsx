import { formatWanDisplay } from "@/lib/format";
import Decimal from "decimal.js";
import { toWanYuan } from "@/lib/budget/money";

/** An amount in 元 (decimal string) shown in 万元 with separators, like the published tables. */
export function MoneyCell({ yuan, blankZero = false }: { yuan: string; blankZero?: boolean }) {
  const d = new Decimal(yuan);
  return <td className="num">{blankZero && d.isZero() ? "" : formatWanDisplay(toWanYuan(d))}</td>;
}
