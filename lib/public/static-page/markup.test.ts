import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderMarkup } from "./markup";

describe("renderMarkup", () => {
  it("writes what react-dom/server writes: attributes, SVG, booleans, styles, void elements, escaping", async () => {
    const tree = h(
      "section",
      { className: "dz-table", id: "T2", "aria-labelledby": "T2-title", "data-table": "T2" },
      h("p", { style: { background: "#a8071a", marginTop: 4, opacity: 0.5 } }, "“三公”经费 <b>&'\"", 12, null, false),
      h(
        "svg",
        { viewBox: "0 0 260 40", width: 260, role: "img", preserveAspectRatio: "xMinYMin meet" },
        h("text", { x: 0, y: 13, fontSize: 13, textAnchor: "start" }, "一般公共服务支出"),
        h("rect", { x: 0, y: 0, width: 1.5, height: 14, fill: "#c9cdd4" }, h("title", null, "合计：2,514.61 万元")),
      ),
      h("table", null, h("tbody", null, h("tr", null, h("td", { colSpan: 2, rowSpan: 1, scope: "row" }, "合计"), h("td", { className: "num" }, h("br"), "x")))),
      h("a", { href: "/x?a=1&b=2", download: true, "data-note": "正在生成…", hidden: false }, "下载"),
      h("details", { open: true }, h("summary", null, "来源")),
      h("time", { dateTime: "2024-03-01T00:00:00.000Z" }, "2024年3月1日"),
      h("div", { dangerouslySetInnerHTML: { __html: "<h2>说明</h2>" } }),
      h(Fragment, null, [h("span", { key: "a" }, "a"), h("span", { key: "b" }, "b")]),
    );
    expect(await renderMarkup(tree)).toBe(renderToStaticMarkup(tree));
  });

  it("renders function components, async ones too", async () => {
    const Sync = ({ n }: { n: number }) => h("b", null, n);
    const Async = async ({ text }: { text: string }) => h("i", null, await Promise.resolve(text));
    expect(await renderMarkup(h("p", null, h(Sync, { n: 3 }), h(Async, { text: "<ok>" })))).toBe("<p><b>3</b><i>&lt;ok&gt;</i></p>");
  });

  it("escapes the five characters React escapes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
  });
});
