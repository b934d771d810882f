"use client";
import { missingSubjectMessage, type Catalog } from "@/lib/catalog/catalog";

/**
 * Datalists of the year's catalogue: 功能分类 项 and 经济分类 款, searchable by code or name
 * (the browser filters a datalist by what is typed, and each option reads "2010301 行政运行").
 */
export function SubjectOptions({ catalog }: { catalog: Catalog }) {
  const functions = [...catalog.functions.values()].filter((f) => f.level === 3);
  const economics = [...catalog.economics.values()].filter((e) => e.level === 2);
  return (
    <>
      <datalist id="function-subjects">
        {functions.map((f) => (
          <option key={f.code} value={f.code}>
            {f.code} {catalog.functions.get(f.parent ?? "")?.name ?? ""} · {f.name}
          </option>
        ))}
      </datalist>
      <datalist id="economic-subjects">
        {economics.map((e) => (
          <option key={e.code} value={e.code}>
            {e.code} {e.name}
          </option>
        ))}
      </datalist>
    </>
  );
}

export function subjectName(catalog: Catalog, kind: "function" | "economic", code: string | undefined): string {
  if (!code) return "";
  const subject = kind === "function" ? catalog.functions.get(code) : catalog.economics.get(code);
  if (subject) return subject.name;
  // A complete code the catalogue lacks is usually a partial catalogue: say who can add it.
  const complete = kind === "function" ? /^\d{7}$/.test(code) : /^\d{5}$/.test(code);
  return complete ? `（${missingSubjectMessage(catalog.year, code)}）` : "（科目表中没有此编码）";
}
