import { expect, test } from "@playwright/test";
import { seedDistrict } from "./district-world";
import { signIn, signOut, typeInto } from "./helpers";

// A region of this spec's own, without departments: the administrator adds one. (The catalogue
// years 2027 and 2029 are imported by this spec alone.)
const REGION = { code: "500911", name: "重庆市北碚区（管理测试）" };
const R = REGION.code;
const ACCOUNTANT = `accountant.${R}.188`;
test.beforeAll(() => {
  seedDistrict({ region: REGION, budgets: {} });
});

test("an administrator adds a department and its accountant, who can then sign in", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/units");
  const create = page.getByTestId(`create-department-${R}`);
  await typeInto(create.getByLabel("部门编码"), "188");
  await typeInto(create.getByLabel("名称"), "重庆市北碚区测试局");
  await create.getByRole("button", { name: "添加部门" }).click();
  await expect(create.getByRole("status")).toHaveText("已添加部门 重庆市北碚区测试局");
  await expect(page.getByTestId(`department-${R}-188`)).toBeVisible();
  // Same code again: refused in Chinese.
  await typeInto(create.getByLabel("部门编码"), "188");
  await typeInto(create.getByLabel("名称"), "重复");
  await create.getByRole("button", { name: "添加部门" }).click();
  await expect(create.getByRole("alert")).toHaveText("该区划下已有编码为 188 的部门");

  await page.goto("/admin/users");
  const user = page.getByTestId("create-user");
  await typeInto(user.getByLabel("用户名"), ACCOUNTANT);
  await typeInto(user.getByLabel("显示名称"), "测试局会计");
  await typeInto(user.getByLabel("初始密码（至少 10 位）"), "short");
  await user.getByRole("button", { name: "创建用户" }).click();
  await expect(user.getByRole("alert")).toHaveText("密码至少 10 位");
  await typeInto(user.getByLabel("初始密码（至少 10 位）"), "test-bureau-2024");
  await user.getByLabel("所属部门（部门会计）").selectOption({ label: "188 重庆市北碚区测试局" });
  await user.getByRole("button", { name: "创建用户" }).click();
  await expect(user.getByRole("status")).toHaveText(`已创建用户 ${ACCOUNTANT}`);
  await expect(page.getByTestId(`user-${ACCOUNTANT}`)).toContainText(`部门会计：${R} / 188 重庆市北碚区测试局`);
  await signOut(page);

  await signIn(page, ACCOUNTANT, "test-bureau-2024");
  await expect(page.getByTestId("current-user")).toContainText("测试局会计");
});

test("catalogue import shows a preview with every bad row before anything is stored", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/catalog");
  const form = page.getByTestId("catalog-import");
  await typeInto(form.getByLabel("年度"), "2027");
  await form.getByLabel("目录类型").selectOption("function");
  await typeInto(form.getByLabel(/或粘贴 CSV 内容/), "code,name,level\n201,一般公共服务支出,1\n20103,,2\n2010301,行政运行,9\n");
  await form.getByRole("button", { name: "预览" }).click();
  const preview = page.getByTestId("catalog-preview");
  await expect(preview).toContainText("第 3 行“name”列不能为空");
  await expect(preview).toContainText("第 4 行“level”列应为 1、2 或 3，实际为“9”");
  await expect(form.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  await typeInto(form.getByLabel(/或粘贴 CSV 内容/), "code,name,level\n201,一般公共服务支出,1\n20103,政府办公厅（室）及相关机构事务,2\n2010301,行政运行,3\n");
  await form.getByRole("button", { name: "预览" }).click();
  await expect(preview).toContainText("共 3 条有效数据，新增 3 条");
  await form.getByRole("button", { name: "确认导入 3 条" }).click();
  await expect(form.getByRole("status")).toHaveText("已导入 2027 年 3 条");
  await page.reload();
  await expect(page.getByTestId("catalog-years").locator("tr", { hasText: "2027" })).toContainText("3");
});

test("the official catalogue is imported from an Excel workbook with title rows and a 说明 column; bad cells are named", async ({ page }) => {
  const ExcelJS = (await import("exceljs")).default;
  const book = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("支出功能分类");
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const title = [["2029年政府收支分类科目"], ["科目编码", "科目名称", "说明"]];
  await signIn(page, "admin");
  await page.goto("/admin/catalog");
  const form = page.getByTestId("catalog-import");
  const year = form.getByLabel("年度");
  await year.clear();
  await year.pressSequentially("2029");
  await form.getByLabel("目录类型").selectOption("function");
  const file = form.getByLabel(/CSV（UTF-8）或 Excel/);
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  await file.setInputFiles({ name: "bad.xlsx", mimeType: xlsx, buffer: await book([...title, [205, "教育支出", ""], ["2050x", "坏编码", ""]]) });
  await form.getByRole("button", { name: "预览" }).click();
  const preview = page.getByTestId("catalog-preview");
  await expect(preview).toContainText("工作表“支出功能分类”第 4 行 A4 单元格：编码“2050x”应为 3、5 或 7 位数字");
  await expect(form.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  await file.setInputFiles({
    name: "2029.xlsx",
    mimeType: xlsx,
    buffer: await book([...title, [205, "教育支出", "说明文字"], [20502, "普通教育", ""], [2050203, "初中教育", ""]]),
  });
  await form.getByRole("button", { name: "预览" }).click();
  await expect(preview).toContainText("共 3 条有效数据，新增 3 条");
  await form.getByRole("button", { name: "确认导入 3 条" }).click();
  await expect(form.getByRole("status")).toHaveText("已导入 2029 年 3 条");
  await page.reload();
  await expect(page.getByTestId("catalog-years").locator("tr", { hasText: "2029" })).toContainText("3");
});
