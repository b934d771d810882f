/**
 * Usage: the standard disclosure (部门预算公开) rendered from the JSON of lib/budget/tables —
 * pure server components, no client JavaScript, safe for any budget text (React escapes it; the
 * narrative's Markdown is rendered with markdown-it `html: false`). `<DisclosureDocument
 * tables={tables} narrative={markdown} />` shows the narrative then T1–T11 laid out like
 * shared/samples (merged headers, 万元 with separators, empty cells for zero, 备注, titles prefixed
 * with the department); `<DisclosureTable tables={tables} id="T2" />` shows one table ("T11"
 * shows every 项目支出绩效目标表); `<DisclosureNarrative markdown={…} />` only the narrative.
 * Pass `template` for a region whose table set differs (default CHONGQING_TEMPLATE). The layout
 * itself is data (`tableLayouts` in lib/public/layout), shared with the Excel and PDF exports;
 * styles live in disclosure.css (class prefix `dz-`), print-ready with one table per page.
 */
export { DisclosureDocument, type DisclosureDocumentProps } from "./DisclosureDocument";
export { DisclosureTable, type DisclosureTableProps } from "./DisclosureTable";
export { DisclosureNarrative } from "./DisclosureNarrative";
export { DisclosureGrid, type TraceHref } from "./DisclosureGrid";
