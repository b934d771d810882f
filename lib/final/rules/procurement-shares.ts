import { wanOfYuanText } from "@/lib/format";
import { defineFinalRule } from "./types";

/** 授予小微企业 ⊆ 授予中小企业 ⊆ 政府采购支出总额. */
export const finalProcurementShares = defineFinalRule({
  id: "final.procurement-shares",
  severity: "error",
  title: "授予中小企业、小微企业的合同金额不超过政府采购支出总额",
  check({ final }, report) {
    const p = final.procurement;
    const total = p.goods.plus(p.works).plus(p.services);
    if (p.smallMedium.greaterThan(total)) {
      report("procurement.smallMedium", `授予中小企业合同金额 ${wanOfYuanText(p.smallMedium)} 超过政府采购支出总额 ${wanOfYuanText(total)}`);
    }
    if (p.micro.greaterThan(p.smallMedium)) {
      report("procurement.micro", `授予小微企业合同金额 ${wanOfYuanText(p.micro)} 超过授予中小企业合同金额 ${wanOfYuanText(p.smallMedium)}`);
    }
  },
});
