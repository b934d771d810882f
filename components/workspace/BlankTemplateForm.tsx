import { DepartmentYearFields } from "./DepartmentYearFields";

/**
 * 下载空白模板: the entry workbook of a department and year without figures, to fill offline
 * before (or while) the budget is created; it imports into that year's draft. A plain GET form:
 * the browser downloads the file itself.
 */
export function BlankTemplateForm({ departments, defaultYear }: { departments: { id: number; name: string }[]; defaultYear: number }) {
  return (
    <form className="card" aria-label="下载空白模板" method="get" action="/api/templates/workbook" data-testid="blank-template">
      <h2 style={{ marginTop: 0 }}>空白录入工作簿</h2>
      <p className="muted">按部门和年度下载不含数字的录入工作簿（科目代码列表、数据校验、版本标记），离线填写后在该年度的编制中预算“导入”页上传。</p>
      <div className="row-actions" style={{ alignItems: "end" }}>
        <DepartmentYearFields departments={departments} defaultYear={defaultYear} />
        <button type="submit" className="secondary">
          下载空白模板
        </button>
      </div>
    </form>
  );
}
