import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { buildTables } from "@/lib/budget/tables";
import { apportion } from "./apportion";
import { priorYearFromBudget } from "./prior-year";

const d = (s: string) => new Decimal(s);
const strings = (xs: Decimal[]) => xs.map((x) => x.toFixed(2));

describe("apportion", () => {
  it("keeps plain rounding when it already adds up", () => {
    expect(strings(apportion(d("0.03"), [d("0.011"), d("0.015")]))).toEqual(["0.01", "0.02"]);
  });

  it("gives the missing fen to the part that lost most", () => {
    // 0.005 + 0.005 + 0.005 = 0.015 → printed 0.02, but each part rounds to 0.01 (sum 0.03).
    expect(strings(apportion(d("0.02"), [d("0.005"), d("0.005"), d("0.005")]))).toEqual(["0.00", "0.01", "0.01"]);
    expect(strings(apportion(d("1.00"), [d("0.334"), d("0.333"), d("0.333")]))).toEqual(["0.34", "0.33", "0.33"]);
  });

  it("never makes a zero part non-zero", () => {
    expect(strings(apportion(d("0.03"), [d("0"), d("0.025")]))).toEqual(["0.00", "0.03"]);
  });
});

describe("priorYearFromBudget", () => {
  it("maps last year's general-budget money through the crosswalk", () => {
    const [office] = loadFixtures();
    const prior = priorYearFromBudget(office!.budget, { "2010301": "2014001" });
    expect(prior.expenditureByFunction?.["2014001"]?.toFixed(0)).toBe("10293000");
    expect(prior.expenditureByFunction?.["2010301"]).toBeUndefined();
    expect(prior.basic.plus(prior.project).toFixed(0)).toBe("25146100");
    // 机关运行经费 of last year = its general-budget 公用经费 = T3's 公用经费.
    expect(prior.operatingFunds.dividedBy(10_000).toFixed(2)).toBe(buildTables(office!.budget, office!.catalog).T3!.total.public);
  });
});
