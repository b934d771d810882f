"use client";
import { useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { CheckboxField, MoneyField, SelectField, TextField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { CeilingMeter } from "../CeilingMeter";
import { FUND_OPTIONS, wan, yuanAsWan } from "../labels";
import { SubjectOptions, subjectName } from "../SubjectOptions";
import { IndicatorsEditor } from "./IndicatorsEditor";

type ProjectRow = {
  code?: string;
  name?: string;
  function?: string;
  amount?: string;
  disclose?: boolean;
  executionRateWeight?: string;
  tier?: string;
};

const TIER_OPTIONS = [
  { value: "", label: "项目（二级项目）" },
  { value: "program", label: "一级项目（部门留用/补助街镇）" },
];

/** 项目支出: the list of projects, and below it the detail form of the one being edited. */
export function ProjectsForm() {
  const { form, live, editor, frame } = useSectionForm("projects");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "projects" });
  const projects = (useWatch({ control: form.control, name: "projects" }) ?? []) as ProjectRow[];
  const initial = typeof window === "undefined" ? 0 : Number(new URLSearchParams(window.location.search).get("p") ?? 0);
  const [selected, setSelected] = useState<number>(Number.isInteger(initial) ? initial : 0);
  const subUnits = (editor.saved.unit.subUnits ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  // A 一级项目 is compiled by the department itself.
  const unitOption = { value: editor.saved.unit.code, label: `${editor.saved.unit.code} ${editor.saved.unit.name}（部门，一级项目）` };
  const programs = projects.filter((p) => p.tier === "program" && p.code).map((p) => ({ value: p.code!, label: `${p.code} ${p.name ?? ""}` }));
  const tables = live.evaluation?.tables;
  const current = selected < fields.length ? selected : -1;

  return (
    <SectionFrame
      title="项目支出"
      hint="每个项目填写编码、资金安排和绩效目标；勾选“公开绩效目标表”的项目在公开时生成项目支出绩效目标表。金额单位：元。"
      {...frame}
      totals={
        <>
          <Figures
            items={[
              { label: "项目支出合计", value: wan(tables?.T8?.total.project), testId: "project-total" },
              { label: "项目个数", value: String(fields.length) },
            ]}
          />
          <CeilingMeter budget={live.evaluation?.budget} kind="project" />
        </>
      }
    >
      <SubjectOptions catalog={editor.catalog} />
      <table className="data" data-testid="project-list">
        <thead>
          <tr>
            <th>项目编码</th>
            <th>项目名称</th>
            <th>功能分类</th>
            <th className="num">当年预算</th>
            <th>公开</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={f.id} aria-selected={i === current}>
              <td>{projects[i]?.code}</td>
              <td>
                {projects[i]?.name}
                {projects[i]?.tier === "program" ? <small className="muted">（一级项目）</small> : null}
              </td>
              <td>
                {projects[i]?.function} {subjectName(editor.catalog, "function", projects[i]?.function)}
              </td>
              <td className="num">{yuanAsWan(projects[i]?.amount)}</td>
              <td>{projects[i]?.disclose ? "是" : ""}</td>
              <td>
                <button type="button" className="link" onClick={() => setSelected(i)}>
                  {i === current ? "正在编辑" : "编辑"}
                </button>{" "}
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    if (window.confirm(`确定删除项目“${projects[i]?.name ?? ""}”吗？保存后生效。`)) {
                      remove(i);
                      setSelected(0);
                    }
                  }}
                >
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            append({
              code: "",
              name: "",
              subUnit: subUnits[0]?.value ?? "",
              function: "",
              fund: "generalBudget",
              amount: "",
              ownArrangement: "",
              superiorSubsidy: "",
              category: "一般性项目",
              summary: "",
              basis: "",
              goal: "",
              executionRateWeight: "10",
              disclose: true,
              indicators: [],
            });
            setSelected(fields.length);
          }}
        >
          添加项目
        </button>
      </div>

      {current >= 0 ? (
        <section key={fields[current]!.id} aria-label="项目详情" data-testid="project-detail">
          <h3>项目详情：{projects[current]?.name || "（未命名项目）"}</h3>
          <div className="grid-form">
            <TextField form={form} section="projects" name={`projects.${current}.code`} label="项目编码" />
            <TextField form={form} section="projects" name={`projects.${current}.name`} label="项目名称" />
            <SelectField form={form} section="projects" name={`projects.${current}.tier`} label="项目层级" options={TIER_OPTIONS} />
            <SelectField
              form={form}
              section="projects"
              name={`projects.${current}.subUnit`}
              label="编制单位"
              options={projects[current]?.tier === "program" ? [unitOption, ...subUnits] : subUnits}
            />
            {projects[current]?.tier === "program" ? null : (
              <SelectField
                form={form}
                section="projects"
                name={`projects.${current}.program`}
                label="所属一级项目"
                options={[{ value: "", label: "（无）" }, ...programs]}
              />
            )}
            <TextField form={form} section="projects" name={`projects.${current}.category`} label="项目分类" list="project-categories" />
            <TextField form={form} section="projects" name={`projects.${current}.function`} label="功能分类科目（项）" list="function-subjects" />
            <TextField form={form} section="projects" name={`projects.${current}.economic`} label="经济分类科目（款，可不填）" list="economic-subjects" />
            <SelectField form={form} section="projects" name={`projects.${current}.fund`} label="资金来源" options={FUND_OPTIONS} />
            <TextField form={form} section="projects" name={`projects.${current}.owner`} label="项目负责人及联系电话" />
            <MoneyField form={form} section="projects" name={`projects.${current}.amount`} label="当年预算（元）" />
            <MoneyField
              form={form}
              section="projects"
              name={`projects.${current}.ownArrangement`}
              label={projects[current]?.tier === "program" ? "其中：部门留用（元）" : "其中：本级安排（元）"}
            />
            <MoneyField
              form={form}
              section="projects"
              name={`projects.${current}.superiorSubsidy`}
              label={projects[current]?.tier === "program" ? "其中：补助街镇（元）" : "其中：上级补助（元）"}
            />
            <TextField form={form} section="projects" name={`projects.${current}.executionRateWeight`} label="预算执行率权重" />
          </div>
          <datalist id="project-categories">
            <option value="重点专项" />
            <option value="一般性项目" />
          </datalist>
          <TextField form={form} section="projects" name={`projects.${current}.summary`} label="项目概述" multiline />
          <TextField form={form} section="projects" name={`projects.${current}.basis`} label="立项依据" multiline />
          <TextField form={form} section="projects" name={`projects.${current}.goal`} label="当年绩效目标" multiline />
          <CheckboxField form={form} section="projects" name={`projects.${current}.disclose`} label="公开项目支出绩效目标表" />
          <h4>绩效指标</h4>
          <IndicatorsEditor
            form={form}
            section="projects"
            name={`projects.${current}.indicators`}
            executionRateWeight={projects[current]?.executionRateWeight ?? ""}
          />
        </section>
      ) : null}
    </SectionFrame>
  );
}
