/** What a file name may not hold on Windows, macOS or Linux, nor in a ZIP entry (a path separator). */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A name safe as a file in a ZIP and on any desktop: unsafe characters become "_", never empty. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, "_").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return cleaned.length > 0 ? cleaned.slice(0, 120) : "未命名";
}

/** The entry of one department in the district's PDF ZIP: sorted by code, named so a reader finds it. */
export function districtPdfEntryName(department: { code: string; name: string }, year: number, version: string): string {
  return `${safeFileName(`${department.code}-${department.name}-${year}年部门预算（${version}）`)}.pdf`;
}
