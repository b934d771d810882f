"use client";
import { usePathname } from "next/navigation";
import { BudgetNotFound as Body } from "@/components/public/BudgetNotFound";

/** The not-found page of a budget's sub-pages (a not-found page receives no params; the address is read instead). */
export default function BudgetNotFound() {
  const [, , region, year] = (usePathname() ?? "").split("/");
  return <Body region={region} year={year} />;
}
