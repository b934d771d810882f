import Decimal from "decimal.js";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { BarChart } from "../charts/BarChart";
import { ShareBar } from "../charts/ShareBar";

/** The charts of one published budget: by function 类, basic vs project, 三公 this year vs last. */
export function BudgetCharts({ tables }: { tables: DisclosureTables }) {
  const t8 = tables.T8;
  const t4 = tables.T4;
  const y = tables.year;
  const threePublic = t4
    ? [
        { label: "因公出国（境）费", key: "abroad" as const },
        { label: "公务用车购置费", key: "vehiclePurchase" as const },
        { label: "公务用车运行费", key: "vehicleOperation" as const },
        { label: "公务接待费", key: "reception" as const },
        { label: "合计", key: "total" as const },
      ].map(({ label, key }) => ({ label, values: t4.prior ? [t4.prior[key], t4.current[key]] : [t4.current[key]] }))
    : [];
  return (
    <div className="dz-charts" data-testid="budget-charts">
      {t8 ? (
        <BarChart
          title="支出按功能分类（类）"
          // Largest first: the order a reader asks about.
          items={t8.rows
            .filter((r) => r.level === 1)
            .sort((a, b) => new Decimal(b.total).comparedTo(a.total))
            .map((r) => ({ label: r.name, values: [r.total] }))}
        />
      ) : null}
      {t8 ? (
        <ShareBar
          title="基本支出与项目支出"
          parts={[
            { label: "基本支出", value: t8.total.basic },
            { label: "项目支出", value: t8.total.project },
          ]}
        />
      ) : null}
      {t4 ? <BarChart title="“三公”经费" items={threePublic} series={t4.prior ? [`${y - 1}年`, `${y}年`] : [`${y}年`]} /> : null}
    </div>
  );
}
