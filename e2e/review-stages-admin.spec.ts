import { expect, test, type Locator, type Page } from "@playwright/test";
import { seedDistrict, type SeededDistrict } from "./district-world";
import { signIn, signOut, typeInto } from "./helpers";

/**
 * Issue 18 §1 and §3 administered through the UI: the administrator adds a second reviewer and
 * the region's two review stages with their reviewers (refused, naming the budget, where a stage
 * holds one), adds a unit to department 111 and that unit's accountant (refused for a unit of
 * another department); then the first stage's reviewer finds the submitted budget in "my queue"
 * and the other reviewer does not. A region of this spec's own with 111 submitted (2024).
 */
const REGION = { code: "500916", name: "重庆市北碚区（审核阶段管理测试）" };
const R = REGION.code;
const CHIEF = `chief.${R}`;
const UNIT_ACCOUNTANT = `accountant.${R}.111.1`;
const PASSWORD = "stage-admin-2024";
let world: SeededDistrict;

test.beforeAll(() => {
  world = seedDistrict({ region: REGION, budgets: { "111": "SUBMITTED" } });
});

/** The value of the option of `select` under this region's group whose text starts with `text` (codes repeat across regions). */
async function optionOf(select: Locator, group: string, text: string): Promise<string> {
  const value = await select.locator(`optgroup[label^="${group}"] option`, { hasText: new RegExp(`^${text}`) }).getAttribute("value");
  expect(value).toMatch(/^\d+$/);
  return value!;
}

async function stageNames(page: Page) {
  return page.getByTestId("stage-list").getByTestId("stage-name").allTextContents();
}

test("the administrator configures two stages with reviewers and a unit accountant; the stage's reviewer finds the budget in my queue", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin");

  // A second reviewer of the region.
  await page.goto("/admin/users");
  const user = page.getByTestId("create-user");
  await typeInto(user.getByLabel("用户名"), CHIEF);
  await typeInto(user.getByLabel("显示名称"), "审核阶段测试科长");
  await typeInto(user.getByLabel("初始密码（至少 10 位）"), PASSWORD);
  await user.getByLabel("角色").selectOption({ label: "财政局审核员" });
  await user.getByLabel("所属区划（审核员）").selectOption({ label: `${R} ${REGION.name}` });
  await user.getByRole("button", { name: "创建用户" }).click();
  await expect(user.getByRole("status")).toHaveText(`已创建用户 ${CHIEF}`);

  // One stage is the default: nothing configured.
  await page.goto(`/admin/stages?region=${R}`);
  await expect(page.getByTestId("single-stage")).toContainText("一步审核");
  const add = page.getByTestId("add-stage");
  await typeInto(add.getByLabel("新阶段名称（排在最后）"), "业务科室审核");
  await add.getByRole("button", { name: "添加阶段" }).click();
  await expect(add.getByRole("status")).toHaveText("已添加审核阶段“业务科室审核”");
  await typeInto(add.getByLabel("新阶段名称（排在最后）"), "局领导审定");
  await add.getByRole("button", { name: "添加阶段" }).click();
  await expect(add.getByRole("status")).toHaveText("已添加审核阶段“局领导审定”");
  // The same name twice is refused.
  await typeInto(add.getByLabel("新阶段名称（排在最后）"), "局领导审定");
  await add.getByRole("button", { name: "添加阶段" }).click();
  await expect(add.getByRole("alert")).toHaveText("本区已有名为“局领导审定”的审核阶段");
  await expect.poll(() => stageNames(page)).toEqual(["业务科室审核", "局领导审定"]);

  // Renamed.
  const first = page.getByTestId("stage-1");
  await first.getByText("改名").click();
  await typeInto(first.getByLabel("新名称"), "业务科室初审");
  await first.getByRole("button", { name: "保存名称" }).click();
  await expect(first.getByRole("status")).toHaveText("已改名为“业务科室初审”");
  await expect(first.getByTestId("stage-name")).toHaveText("业务科室初审");

  // 111, submitted before the region had stages, waits at the first: it can be neither removed nor passed over.
  page.once("dialog", (d) => d.accept());
  await first.getByRole("button", { name: "删除阶段" }).click();
  await expect(first.getByRole("alert")).toContainText("“业务科室初审”阶段还有 1 个预算或决算在审核中（111 ");
  await expect(first.getByRole("alert")).toContainText("2024 年预算），不能删除；待其通过或退回后再删除");
  const second = page.getByTestId("stage-2");
  await second.getByRole("button", { name: "上移" }).click();
  await expect(second.getByRole("alert")).toContainText("不能调整顺序");
  await expect.poll(() => stageNames(page)).toEqual(["业务科室初审", "局领导审定"]);

  // A third stage, moved before the second (neither holds anything), then removed.
  await typeInto(add.getByLabel("新阶段名称（排在最后）"), "预算科复核");
  await add.getByRole("button", { name: "添加阶段" }).click();
  await expect.poll(() => stageNames(page)).toEqual(["业务科室初审", "局领导审定", "预算科复核"]);
  await page.getByTestId("stage-3").getByRole("button", { name: "上移" }).click();
  await expect.poll(() => stageNames(page)).toEqual(["业务科室初审", "预算科复核", "局领导审定"]);
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("stage-2").getByRole("button", { name: "删除阶段" }).click();
  await expect.poll(() => stageNames(page)).toEqual(["业务科室初审", "局领导审定"]);

  // Reviewers: the new one on the first stage, the region's reviewer on the second.
  const chief = page.getByTestId(`reviewer-${CHIEF}`);
  await chief.getByLabel("负责阶段").selectOption({ label: "1. 业务科室初审" });
  await chief.getByRole("button", { name: "保存" }).click();
  await expect(chief.getByRole("status")).toHaveText("已指定审核阶段");
  const reviewer = page.getByTestId(`reviewer-${world.reviewer}`);
  await reviewer.getByLabel("负责阶段").selectOption({ label: "2. 局领导审定" });
  await reviewer.getByRole("button", { name: "保存" }).click();
  await expect(reviewer.getByRole("status")).toHaveText("已指定审核阶段");
  await expect(page.getByTestId("stage-1").getByTestId("stage-reviewers")).toHaveText("审核阶段测试科长");
  await expect(page.getByTestId("stage-2").getByTestId("stage-reviewers")).toHaveText(`${REGION.name}审核员`);

  // A second department, and a unit of 111 with its accountant.
  await page.goto("/admin/units");
  const create = page.getByTestId(`create-department-${R}`);
  await typeInto(create.getByLabel("部门编码"), "9161");
  await typeInto(create.getByLabel("名称"), "审核阶段测试局");
  await create.getByRole("button", { name: "添加部门" }).click();
  await expect(create.getByRole("status")).toHaveText("已添加部门 审核阶段测试局");
  const department = page.getByTestId(`department-${R}-111`);
  await department.getByText("添加所属单位").click();
  await typeInto(department.getByLabel("单位编码"), "916101");
  await typeInto(department.getByLabel("名称", { exact: true }), "信访接待中心");
  await department.getByRole("button", { name: "添加单位" }).click();
  await expect(department.getByRole("status")).toHaveText("已添加单位 信访接待中心");

  await page.goto("/admin/users");
  const departments = user.getByLabel("所属部门（部门会计）");
  const units = user.getByLabel("所属单位（单位会计，可选）");
  await typeInto(user.getByLabel("用户名"), UNIT_ACCOUNTANT);
  await typeInto(user.getByLabel("显示名称"), "接待中心会计");
  await typeInto(user.getByLabel("初始密码（至少 10 位）"), PASSWORD);
  await user.getByLabel("角色").selectOption({ label: "部门会计" });
  // A unit of 111 under department 9161: refused, nothing created.
  await departments.selectOption(await optionOf(departments, `${R} `, "9161 "));
  await units.selectOption(await optionOf(units, `${R} / 111 `, "916101 "));
  await user.getByRole("button", { name: "创建用户" }).click();
  await expect(user.getByRole("alert")).toHaveText("所属单位：信访接待中心不属于所选部门");
  await expect(page.getByTestId(`user-${UNIT_ACCOUNTANT}`)).toHaveCount(0);
  await departments.selectOption(await optionOf(departments, `${R} `, "111 "));
  await user.getByRole("button", { name: "创建用户" }).click();
  await expect(user.getByRole("status")).toHaveText(`已创建用户 ${UNIT_ACCOUNTANT}`);
  const listed = page.getByTestId(`user-${UNIT_ACCOUNTANT}`);
  await expect(listed).toContainText(`部门会计：${R} / 111 `);
  await expect(listed.getByTestId("membership-unit")).toHaveText(" / 916101 信访接待中心（单位会计）");
  await signOut(page);

  // The unit accountant signs in.
  await signIn(page, UNIT_ACCOUNTANT, PASSWORD);
  await expect(page.getByTestId("current-user")).toContainText("接待中心会计");
  await signOut(page);

  // The first stage's reviewer: 111 is in their queue, at their stage.
  await signIn(page, CHIEF, PASSWORD);
  await page.goto(`/review?region=${R}&year=2024`);
  const row = page.getByTestId("department-111");
  await expect(row.getByTestId("stage-cell")).toContainText("业务科室初审");
  await expect(row.getByTestId("stage-cell")).toContainText("审核阶段测试科长");
  await expect(row).toContainText("我的待办");
  await page.getByLabel("我的待办").check();
  await expect(page.getByTestId("district-table").locator("tbody tr")).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page.getByTestId("review-stage")).toContainText("业务科室初审");
  await expect(page.getByRole("button", { name: "本阶段通过，转“局领导审定”" })).toBeVisible();
  await signOut(page);

  // The second stage's reviewer sees it waiting, not theirs yet.
  await signIn(page, world.reviewer, world.password);
  await page.goto(`/review?region=${R}&year=2024`);
  await expect(page.getByTestId("department-111").getByTestId("stage-cell")).toContainText("业务科室初审");
  await expect(page.getByTestId("department-111")).not.toContainText("我的待办");
  await page.getByLabel("我的待办").check();
  await expect(page.getByTestId("district-table").locator("tbody tr")).toHaveCount(0);
});
