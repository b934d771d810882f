import { describe, expect, it } from "vitest";
import { districtPdfEntryName, safeFileName } from "./zip-names";

describe("names in the district's PDF ZIP", () => {
  it("keeps Chinese names and replaces path separators and reserved characters", () => {
    expect(safeFileName("区教委/本级:2024")).toBe("区教委_本级_2024");
    expect(safeFileName("..\\..\\etc")).toBe("_.._etc");
    expect(safeFileName("   ")).toBe("未命名");
  });

  it("names a department's PDF by code, name, year and version", () => {
    expect(districtPdfEntryName({ code: "104", name: "重庆市渝北区教育委员会" }, 2024, "公开版")).toBe(
      "104-重庆市渝北区教育委员会-2024年部门预算（公开版）.pdf",
    );
  });
});

describe("job progress", () => {
  it("is a whole percent of the total, 0 before the total is known", async () => {
    const { jobPercent, jobSummary } = await import("./types");
    expect(jobPercent(0, 0)).toBe(0);
    expect(jobPercent(1, 3)).toBe(33);
    expect(jobPercent(5, 3)).toBe(100);
    expect(jobSummary([], "文件")).toBe("没有文件");
    expect(
      jobSummary(
        [
          { item: "a", ok: true, message: "" },
          { item: "b", ok: false, message: "" },
        ],
        "文件",
      ),
    ).toBe("1 个文件已完成，1 个未完成（原因见下）");
  });
});
