"use client";
import { useState } from "react";
import type { z } from "zod";
import { useKeptForm } from "@/components/forms/use-kept-form";
import { FUNDS } from "@/lib/budget/model";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { deleteCeilingAction, importCeilingsAction, issueCeilingsAction, saveCeilingAction } from "@/lib/actions/review/ceilings";
import { ceilingImportSchema, ceilingSchema, deleteCeilingSchema, issueCeilingsSchema } from "@/lib/actions/review/ceilings.schema";
import { CEILING_COLUMNS } from "@/lib/review/ceiling-table";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";

type State = { ok: boolean; message: string; errors?: string[] } | null;
// The actions answer Result shapes; what this page reads of them is the sentence and the cell errors.
type Action = (state: null, form: FormData) => Promise<unknown>;

/** Checks the form with the server's own schema first, then sends it. */
function checked(schema: z.ZodType, action: Action) {
  return async (_state: State, form: FormData): Promise<State> => {
    const parsed = schema.safeParse(formValues(form));
    if (!parsed.success) return { ok: false, message: invalidInputMessage(parsed.error) };
    return (await action(null, form)) as State;
  };
}

function Outcome({ state, testId }: { state: State; testId?: string }) {
  if (!state) return null;
  return (
    <div role={state.ok ? "status" : "alert"} data-testid={testId}>
      <p className={state.ok ? undefined : "error"}>{state.message}</p>
      {state.errors?.length ? (
        <ul className="error">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const Hidden = ({ region, year }: { region: string; year: number }) => (
  <>
    <input type="hidden" name="regionCode" value={region} />
    <input type="hidden" name="year" value={year} />
  </>
);

/** One 控制数 typed in: department, fund, 基本/项目 (optionally one 项目), amount in 万元. */
export function CeilingEntryForm({ region, year, departments }: { region: string; year: number; departments: { code: string; name: string }[] }) {
  const { state, pending, formProps } = useKeptForm<State>(checked(ceilingSchema, saveCeilingAction), null);
  const [kind, setKind] = useState("basic");
  return (
    <form {...formProps} className="card" aria-label="录入控制数">
      <h2 style={{ marginTop: 0 }}>录入控制数</h2>
      <Hidden region={region} year={year} />
      <div className="grid-toolbar" style={{ display: "flex", gap: "1em", flexWrap: "wrap", alignItems: "end" }}>
        <label>
          部门
          <select name="departmentCode" defaultValue="">
            <option value="">请选择</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          资金来源
          <select name="fund" defaultValue="generalBudget">
            {FUNDS.map((f) => (
              <option key={f} value={f}>
                {FUND_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          支出类别
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="basic">基本支出</option>
            <option value="project">项目支出</option>
          </select>
        </label>
        {kind === "project" ? (
          <label>
            项目编码（可选，不填为全部项目）
            <input name="projectCode" />
          </label>
        ) : null}
        <label>
          控制数（万元）
          <input name="amount" inputMode="decimal" autoComplete="off" />
        </label>
        <button type="submit" disabled={pending}>
          保存
        </button>
      </div>
      <Outcome state={state} testId="ceiling-entry-outcome" />
    </form>
  );
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A CSV or Excel table of 控制数, every bad cell named; nothing is saved unless all rows are good. */
export function CeilingImportForm({ region, year }: { region: string; year: number }) {
  const { state, pending, formProps } = useKeptForm<State>(checked(ceilingImportSchema, importCeilingsAction), null);
  const [text, setText] = useState("");
  const [xlsx, setXlsx] = useState("");
  return (
    <form {...formProps} className="card" aria-label="导入控制数">
      <h2 style={{ marginTop: 0 }}>导入控制数（CSV 或 Excel）</h2>
      <p className="muted">第一行为表头：{CEILING_COLUMNS.join("，")}。项目编码可空；金额以万元计。</p>
      <Hidden region={region} year={year} />
      <input
        type="file"
        aria-label="控制数文件"
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file && /\.xlsx$/i.test(file.name)) {
            setText("");
            setXlsx(await base64Of(file));
          } else {
            setXlsx("");
            setText(file ? await file.text() : "");
          }
        }}
      />
      {xlsx ? <input type="hidden" name="xlsx" value={xlsx} /> : null}
      <label>
        或粘贴 CSV 内容
        <textarea name="text" rows={5} value={xlsx ? "" : text} disabled={!!xlsx} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <button type="submit" disabled={pending}>
        导入
      </button>
      <Outcome state={state} testId="ceiling-import-outcome" />
    </form>
  );
}

export function IssueCeilingsButton({ region, year, pending: waiting }: { region: string; year: number; pending: number }) {
  const { state, pending, formProps } = useKeptForm<State>(checked(issueCeilingsSchema, issueCeilingsAction), null);
  return (
    <form {...formProps} aria-label="下达控制数">
      <Hidden region={region} year={year} />
      <button type="submit" disabled={pending || waiting === 0}>
        下达控制数（{waiting} 条待下达）
      </button>
      <Outcome state={state} testId="ceiling-issue-outcome" />
    </form>
  );
}

export function DeleteCeilingButton({ region, id }: { region: string; id: number }) {
  const { state, pending, formProps } = useKeptForm<State>(checked(deleteCeilingSchema, deleteCeilingAction), null);
  return (
    <form {...formProps} style={{ display: "inline" }}>
      <input type="hidden" name="regionCode" value={region} />
      <input type="hidden" name="ceilingId" value={id} />
      <button type="submit" className="secondary small" disabled={pending}>
        删除
      </button>
      {state && !state.ok ? <span className="error">{state.message}</span> : null}
    </form>
  );
}
