/** 预算部门 and 预算年度, as 新建预算 and 下载空白模板 ask them (form fields `departmentId`, `year`). */
export function DepartmentYearFields({ departments, defaultYear }: { departments: { id: number; name: string }[]; defaultYear: number }) {
  return (
    <>
      <label>
        预算部门
        <select name="departmentId">
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        预算年度
        <input name="year" inputMode="numeric" defaultValue={defaultYear} style={{ width: "7rem" }} />
      </label>
    </>
  );
}
