"use client";
import { useState } from "react";
import { useKeptForm } from "@/components/forms/use-kept-form";
import { CATALOG_KIND_LABELS } from "@/lib/admin/catalog-csv";
import type { CatalogPreview } from "@/lib/admin/import-catalog";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";
import styles from "../admin.module.css";
import { catalogAction } from "@/lib/actions/admin/catalog";
import { catalogImportSchema } from "@/lib/actions/admin/catalog.schema";

/** The browser reads an .xlsx as base64 for the server action (exceljs runs on the server). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Choose a CSV or Excel file, see what it would change, then import it. */
export function CatalogImport({ defaultYear }: { defaultYear: number }) {
  const [text, setText] = useState("");
  const [xlsx, setXlsx] = useState("");
  const [fileName, setFileName] = useState("");
  const { state, pending, formProps } = useKeptForm<Awaited<ReturnType<typeof catalogAction>> | null>(
    async (prev, form) => {
      const parsed = catalogImportSchema.safeParse(formValues(form));
      if (!parsed.success) return { ok: false, code: "invalid_input", message: invalidInputMessage(parsed.error) };
      return catalogAction(prev, form);
    },
    null,
    () => false,
  );
  const preview = state?.ok && state.step === "preview" ? state.preview : null;
  // Which button started the request: what the bar says, and what a failure left undone.
  const [intent, setIntent] = useState<{ kind: "preview" | "import"; rows: number } | null>(null);

  return (
    <form {...formProps} data-testid="catalog-import">
      <div className={styles.inline}>
        <label>
          年度
          <input name="year" type="number" defaultValue={defaultYear} min={2000} max={2100} />
        </label>
        <label>
          目录类型
          <select name="kind" defaultValue="function">
            {Object.entries(CATALOG_KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          CSV（UTF-8）或 Excel（.xlsx）文件
          <input
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setFileName(file?.name ?? "");
              if (file && /\.xlsx$/i.test(file.name)) {
                setText("");
                setXlsx(await base64Of(file));
              } else {
                setXlsx("");
                setText(file ? await file.text() : "");
              }
            }}
          />
        </label>
      </div>
      {xlsx ? <input type="hidden" name="xlsx" value={xlsx} /> : null}
      <label>
        或粘贴 CSV 内容{fileName ? `（已读取 ${fileName}）` : ""}
        <textarea
          name="text"
          rows={6}
          value={xlsx ? "" : text}
          placeholder={xlsx ? `将导入 Excel 文件 ${fileName}` : undefined}
          disabled={!!xlsx}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </label>
      <div className={styles.inline}>
        <button type="submit" name="intent" value="preview" className="secondary" disabled={pending} onClick={() => setIntent({ kind: "preview", rows: 0 })}>
          预览
        </button>
        {preview && preview.errors.length === 0 && preview.rows > 0 ? (
          <button type="submit" name="intent" value="import" disabled={pending} onClick={() => setIntent({ kind: "import", rows: preview.rows })}>
            确认导入 {preview.rows} 条
          </button>
        ) : null}
      </div>
      {pending && intent ? (
        <div role="progressbar" aria-busy="true" data-testid="catalog-progress">
          <progress style={{ width: "100%" }} />
          <span className="muted">
            {intent.kind === "import"
              ? `正在导入 ${intent.rows} 条（一次保存：全部导入或全部不导入）……可以离开本页，导入会在服务器上完成`
              : "正在读取文件并比对现有目录……"}
          </span>
        </div>
      ) : null}
      {state && !state.ok ? (
        <div role="alert" className="error">
          {state.message}
          {intent?.kind === "import" && !state.message.includes("未导入") ? `（${intent.rows} 条均未导入，目录保持原样）` : null}
          {"errors" in state && Array.isArray(state.errors) ? (
            <ul>
              {state.errors.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state?.ok && state.step === "done" ? <p role="status">{state.message}</p> : null}
      {preview ? <PreviewReport preview={preview} /> : null}
    </form>
  );
}

function PreviewReport({ preview }: { preview: CatalogPreview }) {
  return (
    <section className="card" data-testid="catalog-preview">
      <p>
        {preview.year} 年：共 {preview.rows} 条有效数据，新增 {preview.added.length} 条，修改 {preview.changed.length} 条，不变 {preview.unchanged} 条
        {preview.errors.length > 0 ? `；${preview.errors.length} 行有错误，修正后才能导入` : ""}。
      </p>
      {preview.errors.length > 0 ? (
        <div role="alert" className="error">
          <ul>
            {preview.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.warnings.length > 0 ? (
        <details>
          <summary>{preview.warnings.length} 条提示</summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className={styles.preview}>
        <table className="data">
          <thead>
            <tr>
              <th>编码</th>
              <th>变化</th>
            </tr>
          </thead>
          <tbody>
            {preview.added.map((a) => (
              <tr key={`a-${a.code}`}>
                <td>{a.code}</td>
                <td>新增：{a.name}</td>
              </tr>
            ))}
            {preview.changed.map((c) => (
              <tr key={`c-${c.code}`}>
                <td>{c.code}</td>
                <td>
                  修改：{c.before} → {c.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
