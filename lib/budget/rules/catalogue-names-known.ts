import { defineRule } from "./types";

/**
 * A printed row without a subject name: the (partial) catalogue lacks the code or its 类/款
 * parent (data/catalogues/SOURCES.md). The tables still add up; the name has to be supplied.
 */
export const catalogueNamesKnown = defineRule({
  id: "catalogue.names-known",
  severity: "warning",
  title: "公开表格中的科目名称齐全",
  check({ tables: t, catalog }, report) {
    const seen = new Set<string>();
    for (const [id, rows] of [
      ["T2", t.T2.rows],
      ["T3", t.T3.rows],
      ["T5", t.T5.rows],
      ["T7", t.T7.rows],
      ["T8", t.T8.rows],
    ] as const) {
      rows.forEach((r, i) => {
        if (r.name !== "" || seen.has(`${id === "T3" ? "e" : "f"}${r.code}`)) return;
        seen.add(`${id === "T3" ? "e" : "f"}${r.code}`);
        report(`${id}.rows[${i}].name`, `${catalog.year} 年${id === "T3" ? "经济" : "功能"}分类科目表中没有 ${r.code} 的名称，${id} 该行科目名称为空`);
      });
    }
  },
});
