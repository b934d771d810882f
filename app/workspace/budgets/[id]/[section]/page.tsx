import { notFound } from "next/navigation";
import type { ComponentType } from "react";
import { isSectionId, SECTIONS, type SectionId } from "@/lib/workspace/sections";
import { UnitForm } from "@/components/workspace/sections/UnitForm";
import { IncomeForm } from "@/components/workspace/sections/IncomeForm";
import { BasicGrid } from "@/components/workspace/sections/BasicGrid";
import { ProjectsForm } from "@/components/workspace/sections/ProjectsForm";
import { ThreePublicForm } from "@/components/workspace/sections/ThreePublicForm";
import { ProcurementForm } from "@/components/workspace/sections/ProcurementForm";
import { AssetsForm } from "@/components/workspace/sections/AssetsForm";
import { PerformanceForm } from "@/components/workspace/sections/PerformanceForm";
import { NarrativeForm } from "@/components/workspace/sections/NarrativeForm";
import { PriorYearForm } from "@/components/workspace/sections/PriorYearForm";

const FORMS: Record<SectionId, ComponentType> = {
  unit: UnitForm,
  income: IncomeForm,
  basic: BasicGrid,
  projects: ProjectsForm,
  "three-public": ThreePublicForm,
  procurement: ProcurementForm,
  assets: AssetsForm,
  performance: PerformanceForm,
  narrative: NarrativeForm,
  prior: PriorYearForm,
};

export async function generateMetadata({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  return { title: isSectionId(section) ? SECTIONS[section].label : "未找到" };
}

// Permission and scope are checked by the layout, which loads the budget for the editor, and
// again by the save action on the server.
export default async function SectionPage({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  if (!isSectionId(section)) notFound();
  const Form = FORMS[section];
  return <Form />;
}
