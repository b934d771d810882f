import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { COMMENT_SECTION_IDS } from "../lib/workflow/comment-anchors";
import { ROLE_PERMISSIONS, type MembershipScope, type Permission } from "../lib/auth/permissions";
import { E2E_PORT, ROOT, type ActionArgs, type World, type WorldBudget } from "./security-world";

/**
 * The authorization matrix: the app's routes read from the file tree (every page.tsx, every
 * method of every route.ts, every export of every "use server" module in app/ and lib/) and one rule for each,
 * saying what it checks. The expected answer for each actor follows from the rule and the
 * permission table (lib/auth/permissions.ts), so a new route without a rule fails the matrix.
 */

export type Access =
  /** Anyone, signed in or not. */
  | { kind: "public" }
  /** Anyone, for a published budget only; anything else is not found. */
  | { kind: "published" }
  /** Signed in with every one of the permissions. */
  | { kind: "permission"; permissions: Permission[] }
  /** The permissions, and the target budget inside the actor's scope. */
  | { kind: "budget"; permissions: Permission[] }
  /** The permissions, and the target's region inside the actor's scope (district pages). */
  | { kind: "region"; permissions: Permission[] }
  /** The permissions, and the target's department the actor's, as a unit accountant too (新建预算 of its unit). */
  | { kind: "department"; permissions: Permission[] }
  /**
   * 公开: the region's reviewers on its department budgets once submitted; the department's own
   * accountant on its department's budget once the 批复 is issued; nobody on a unit's budget.
   */
  | { kind: "publish" };

export type Target = WorldBudget & { regionId: number; regionCode: string };

export interface HttpProbe {
  label: string;
  target: Target | null;
  method: "GET" | "POST";
  url: string;
  /** The status of an allowed request (200 unless said). */
  okStatus?: number;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface ActionProbe {
  label: string;
  target: Target | null;
  args: ActionArgs;
  /** The answer of a refusal (no permission, or outside the scope): never distinguishable. */
  denied: RegExp;
  /** The answer (as JSON) of an allowed call: it passed the gate and stopped short of writing. */
  reached?: RegExp;
}

export interface RouteRule {
  access: Access;
  probes(w: World, targets: Targets): HttpProbe[];
}

export interface ActionRule {
  access: Access;
  probes(w: World, targets: Targets): ActionProbe[];
}

export interface Targets {
  submitted: Target;
  draft: Target;
  published: Target;
  /** A budget key in the other region, where nothing is published. */
  elsewhere: Target;
  /** The submitted budget's department's 2025 budget: approved, 批复 issued, not published. */
  approved: Target;
  /** A unit's budget (单位预算) of the submitted budget's department, accepted by the department. */
  unitBudget: Target;
  /** The same departments' 2020 决算 (submitted, draft, published). */
  finalSubmitted: Target;
  finalDraft: Target;
  finalPublished: Target;
}

// ---------------------------------------------------------------- the route list, from the files

function filesUnder(dir: string, name: RegExp, into: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) filesUnder(full, name, into);
    else if (name.test(entry)) into.push(full);
  }
  return into;
}

/** "app/(public)/b/[region]/page.tsx" → "/b/[region]". */
function routeOf(file: string): string {
  const rel = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${rel.join("/")}`;
}

export function pageRoutes(): string[] {
  return filesUnder(path.join(ROOT, "app"), /^page\.tsx?$/)
    .map(routeOf)
    .sort();
}

/** "GET /api/open/budgets" for every HTTP method a route.ts exports. */
export function handlerRoutes(): string[] {
  const out: string[] = [];
  for (const file of filesUnder(path.join(ROOT, "app"), /^route\.tsx?$/)) {
    const source = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of m[1]!.split(",")) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop()!;
        if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.add(name);
      }
    for (const method of methods) out.push(`${method} ${routeOf(file)}`);
  }
  return out.sort();
}

/** "lib/actions/budget/save-section.ts#saveSectionAction" for every export of every "use server" module. */
export function serverActions(): string[] {
  const out: string[] = [];
  for (const file of [...filesUnder(path.join(ROOT, "app"), /\.tsx?$/), ...filesUnder(path.join(ROOT, "lib"), /\.tsx?$/)]) {
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+)\s*=)/g)) out.push(`${rel}#${m[1] ?? m[2]}`);
  }
  return out.sort();
}

// ---------------------------------------------------------------- expected outcomes

function roleHas(m: MembershipScope, permissions: Permission[]) {
  return permissions.every((p) => ROLE_PERMISSIONS[m.role].includes(p));
}

/**
 * The scope policy (ARCHITECTURE.md, lib/db/scope.ts): department, region once submitted,
 * everything. The targets are department budgets: a unit accountant reaches none of them, and
 * 部门审核 ("unit.review") applies to units' budgets only.
 */
function covers(m: MembershipScope, target: Target, kind: "budget" | "region", permissions: Permission[]): boolean {
  if (m.role === "ADMIN") return true;
  if (m.role === "ACCOUNTANT")
    return kind === "budget" && m.departmentId === target.departmentId && (m.subUnitId ?? null) === null && !permissions.includes("unit.review");
  return m.regionId === target.regionId && (kind === "region" || target.status !== "DRAFT");
}

/** Whether `memberships` (null: signed out) may use a route with this access on `target`. */
export function allowed(memberships: MembershipScope[] | null, access: Access, target: Target | null): boolean {
  switch (access.kind) {
    case "public":
      return true;
    case "published":
      return target?.status === "PUBLISHED";
    case "permission":
      return !!memberships?.some((m) => roleHas(m, access.permissions));
    case "department":
      if (!target) throw new Error("a scoped rule needs a target");
      return !!memberships?.some((m) => roleHas(m, access.permissions) && m.role === "ACCOUNTANT" && m.departmentId === target.departmentId);
    case "budget":
    case "region":
      if (!target) throw new Error("a scoped rule needs a target");
      return !!memberships?.some((m) => roleHas(m, access.permissions) && covers(m, target, access.kind, access.permissions));
    case "publish":
      if (!target) throw new Error("a scoped rule needs a target");
      return !!memberships?.some((m) => {
        if (!roleHas(m, ["budget.publish"]) || target.subUnit) return false;
        if (m.role === "ACCOUNTANT") return m.departmentId === target.departmentId && (m.subUnitId ?? null) === null && !!target.replied;
        return covers(m, target, "budget", ["budget.publish"]);
      });
  }
}

// ---------------------------------------------------------------- the rules

const page = (url: string, target: Target | null = null): HttpProbe => ({ label: url, target, method: "GET", url });
const perBudget = (targets: Targets, url: (t: Target) => string) =>
  [targets.submitted, targets.draft].map((t) => ({ label: `${url(t)} (${t.status})`, target: t, method: "GET" as const, url: url(t) }));
const perPublished = (targets: Targets, url: (t: Target) => string) =>
  [targets.published, targets.submitted, targets.elsewhere].map((t) => ({ label: `${url(t)} (${t.status})`, target: t, method: "GET" as const, url: url(t) }));
const key = (t: Target) => `${t.regionCode}/2024/${t.unit}`;
const perFinal = (targets: Targets, url: (t: Target) => string) =>
  [targets.finalSubmitted, targets.finalDraft].map((t) => ({ label: `${url(t)} (决算 ${t.status})`, target: t, method: "GET" as const, url: url(t) }));
const perPublishedFinal = (targets: Targets, url: (t: Target) => string) =>
  [targets.finalPublished, targets.finalSubmitted].map((t) => ({ label: `${url(t)} (决算 ${t.status})`, target: t, method: "GET" as const, url: url(t) }));
const finalKey = (t: Target) => `${t.regionCode}/2020/${t.unit}`;
// The unit whose tables were published with the published budget (security-world-setup.ts).
const publishedUnit = (t: Target) => `${t.unit}901`;
// A figure every published petition-office budget prints: T2's 201 一般公共服务支出, 合计.
const TRACE_CELL = "table=T2&row=201&column=total";
// A figure every 决算 prints: F1's 收入总计.
const FINAL_TRACE_CELL = "table=F1&row=incomeTotal&column=amount";

export const PAGE_RULES: Record<string, RouteRule> = {
  "/": { access: { kind: "public" }, probes: () => [page("/")] },
  "/signin": { access: { kind: "public" }, probes: () => [page("/signin")] },
  // Only a redirect to the actor's own start page (or to sign in): it shows nothing itself.
  // Only a redirect: to sign-in, or to the signed-in user's own start page.
  "/start": { access: { kind: "public" }, probes: () => [{ ...page("/start"), okStatus: 307 }] },
  "/b/[region]/[year]": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/b/${x.regionCode}/2024`).filter((p) => p.target !== t.submitted),
  },
  "/b/[region]/[year]/[unit]/final": { access: { kind: "published" }, probes: (_, t) => perPublishedFinal(t, (x) => `/b/${finalKey(x)}/final`) },
  "/b/[region]/[year]/[unit]/trace": { access: { kind: "published" }, probes: (_, t) => perPublished(t, (x) => `/b/${key(x)}/trace?${TRACE_CELL}`) },
  "/b/[region]/[year]/[unit]/final/trace": {
    access: { kind: "published" },
    probes: (_, t) => perPublishedFinal(t, (x) => `/b/${finalKey(x)}/final/trace?${FINAL_TRACE_CELL}`),
  },
  "/rules": { access: { kind: "public" }, probes: () => [page("/rules")] },
  // A unit's tables, published with its department's budget: public exactly when that budget is.
  "/b/[region]/[year]/[unit]/units/[code]": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/b/${key(x)}/units/${publishedUnit(x)}`),
  },
  "/workspace/finals/[id]": { access: { kind: "budget", permissions: ["budget.read"] }, probes: (_, t) => perFinal(t, (x) => `/workspace/finals/${x.id}`) },
  "/review/finals/[id]": { access: { kind: "budget", permissions: ["budget.review"] }, probes: (_, t) => perFinal(t, (x) => `/review/finals/${x.id}`) },
  "/review/finals/[id]/trace": {
    access: { kind: "budget", permissions: ["budget.review"] },
    probes: (_, t) => perFinal(t, (x) => `/review/finals/${x.id}/trace?${FINAL_TRACE_CELL}`),
  },
  "/review/budgets/[id]/trace": {
    access: { kind: "budget", permissions: ["budget.review"] },
    probes: (_, t) => perBudget(t, (x) => `/review/budgets/${x.id}/trace?${TRACE_CELL}`),
  },
  "/b/[region]/[year]/[unit]/print": { access: { kind: "published" }, probes: (_, t) => perPublished(t, (x) => `/b/${key(x)}/print`) },
  "/workspace": { access: { kind: "permission", permissions: ["budget.read"] }, probes: () => [page("/workspace")] },
  // Only the user's own jobs: every role has some (the page lists none to a user who started none).
  "/jobs": { access: { kind: "permission", permissions: ["budget.read"] }, probes: () => [page("/jobs")] },
  "/workspace/budgets/[id]": { access: { kind: "budget", permissions: ["budget.read"] }, probes: (_, t) => perBudget(t, (x) => `/workspace/budgets/${x.id}`) },
  "/workspace/budgets/[id]/[section]": {
    access: { kind: "budget", permissions: ["budget.read"] },
    probes: (_, t) => perBudget(t, (x) => `/workspace/budgets/${x.id}/basic`),
  },
  "/workspace/budgets/[id]/import": {
    access: { kind: "budget", permissions: ["budget.read"] },
    probes: (_, t) => perBudget(t, (x) => `/workspace/budgets/${x.id}/import`),
  },
  "/workspace/budgets/[id]/preview": {
    access: { kind: "budget", permissions: ["budget.read"] },
    probes: (_, t) => perBudget(t, (x) => `/workspace/budgets/${x.id}/preview`),
  },
  "/review": {
    access: { kind: "region", permissions: ["budget.review"] },
    probes: (_, t) =>
      [t.submitted].map((x) => ({
        label: `/review?region=${x.regionCode}`,
        target: x,
        method: "GET" as const,
        url: `/review?region=${x.regionCode}&year=2024`,
      })),
  },
  "/review/budgets/[id]": { access: { kind: "budget", permissions: ["budget.review"] }, probes: (_, t) => perBudget(t, (x) => `/review/budgets/${x.id}`) },
  "/review/city": { access: { kind: "permission", permissions: ["budget.review"] }, probes: () => [page("/review/city")] },
  "/review/ceilings": {
    access: { kind: "region", permissions: ["budget.approve"] },
    probes: (_, t) =>
      [t.submitted].map((x) => ({
        label: `/review/ceilings?region=${x.regionCode}`,
        target: x,
        method: "GET" as const,
        url: `/review/ceilings?region=${x.regionCode}&year=2024`,
      })),
  },
  "/admin": { access: { kind: "permission", permissions: ["admin.users"] }, probes: () => [page("/admin")] },
  "/admin/catalog": { access: { kind: "permission", permissions: ["admin.catalog"] }, probes: () => [page("/admin/catalog")] },
  "/admin/units": { access: { kind: "permission", permissions: ["admin.units"] }, probes: () => [page("/admin/units")] },
  "/admin/users": { access: { kind: "permission", permissions: ["admin.users"] }, probes: () => [page("/admin/users")] },
  "/admin/stages": {
    access: { kind: "permission", permissions: ["admin.units"] },
    probes: (_, t) => [page("/admin/stages"), page(`/admin/stages?region=${t.submitted.regionCode}`)],
  },
};

export const HANDLER_RULES: Record<string, RouteRule> = {
  // The published budget page is static HTML served by a route handler (lib/public/static-page).
  "GET /b/[region]/[year]/[unit]": { access: { kind: "published" }, probes: (_, t) => perPublished(t, (x) => `/b/${key(x)}`) },
  // A version that is not the current one (snapshot 1 is the demo's) sends the reader to the current page.
  "GET /b/[region]/[year]/[unit]/[version]": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/b/${key(x)}/v1`).map((p) => ({ ...p, okStatus: 302 })),
  },
  // next-auth's own endpoints: open to all, and they hand out nothing without a password.
  "GET /api/auth/[...nextauth]": { access: { kind: "public" }, probes: () => [page("/api/auth/providers")] },
  "POST /api/auth/[...nextauth]": {
    access: { kind: "public" },
    probes: () => [
      {
        label: "POST /api/auth/callback/credentials without CSRF token",
        target: null,
        method: "POST",
        url: "/api/auth/callback/credentials",
        okStatus: 302,
        form: { username: "admin", password: "x" },
      },
    ],
  },
  "GET /api/budgets/[id]/package": {
    access: { kind: "budget", permissions: ["budget.export"] },
    probes: (_, t) => perBudget(t, (x) => `/api/budgets/${x.id}/package`),
  },
  "GET /api/budgets/[id]/workbook": {
    access: { kind: "budget", permissions: ["budget.export"] },
    probes: (_, t) => perBudget(t, (x) => `/api/budgets/${x.id}/workbook`),
  },
  // An upload without a file: an allowed caller is told what is missing (400); nothing is written.
  "POST /api/budgets/[id]/workbook": {
    access: { kind: "budget", permissions: ["budget.import"] },
    probes: (_, t) =>
      perBudget(t, (x) => `/api/budgets/${x.id}/workbook`).map((p) => ({
        ...p,
        method: "POST" as const,
        okStatus: 400,
        form: { expectedVersion: "0", mode: "merge", apply: "0" },
        headers: { origin: `http://localhost:${E2E_PORT}` },
      })),
  },
  "GET /api/finals/[id]/workbook": {
    access: { kind: "budget", permissions: ["budget.export"] },
    probes: (_, t) => perFinal(t, (x) => `/api/finals/${x.id}/workbook`),
  },
  "POST /api/finals/[id]/workbook": {
    access: { kind: "budget", permissions: ["budget.import"] },
    probes: (_, t) =>
      perFinal(t, (x) => `/api/finals/${x.id}/workbook`).map((p) => ({
        ...p,
        method: "POST" as const,
        okStatus: 400,
        form: { expectedVersion: "0", apply: "0" },
        headers: { origin: `http://localhost:${E2E_PORT}` },
      })),
  },
  "POST /api/budgets/[id]/prior-year-workbook": {
    access: { kind: "budget", permissions: ["budget.import"] },
    probes: (_, t) =>
      perBudget(t, (x) => `/api/budgets/${x.id}/prior-year-workbook`).map((p) => ({
        ...p,
        method: "POST" as const,
        okStatus: 400,
        form: { expectedVersion: "0", apply: "0" },
        headers: { origin: `http://localhost:${E2E_PORT}` },
      })),
  },
  // The published budgets of the world had their 批复 issued before publication.
  "GET /api/budgets/[id]/reply": {
    access: { kind: "budget", permissions: ["budget.read"] },
    probes: (_, t) =>
      [t.published].map((x) => ({ label: `/api/budgets/${x.id}/reply (${x.status})`, target: x, method: "GET" as const, url: `/api/budgets/${x.id}/reply` })),
  },
  "GET /api/budgets/[id]/tables": {
    access: { kind: "budget", permissions: ["budget.read"] },
    probes: (_, t) => perBudget(t, (x) => `/api/budgets/${x.id}/tables`),
  },
  // Who is signed in, for the header: everyone gets an answer, and it is only about themselves.
  "GET /api/me": { access: { kind: "public" }, probes: () => [page("/api/me")] },
  "GET /api/open/budgets": { access: { kind: "public" }, probes: () => [page("/api/open/budgets")] },
  "GET /api/open/budgets/[region]/[year]/[unit]": { access: { kind: "published" }, probes: (_, t) => perPublished(t, (x) => `/api/open/budgets/${key(x)}`) },
  "GET /api/open/budgets/[region]/[year]/[unit]/units/[code]": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/api/open/budgets/${key(x)}/units/${publishedUnit(x)}`),
  },
  "GET /api/open/budgets/[region]/[year]/[unit]/tables.xlsx": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/api/open/budgets/${key(x)}/tables.xlsx`),
  },
  "GET /api/open/budgets/[region]/[year]/[unit]/report.pdf": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/api/open/budgets/${key(x)}/report.pdf`),
  },
  "GET /api/open/budgets/[region]/[year]/[unit]/trace": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/api/open/budgets/${key(x)}/trace?${TRACE_CELL}`),
  },
  "GET /api/open/finals": { access: { kind: "public" }, probes: () => [page("/api/open/finals")] },
  "GET /api/open/finals/[region]/[year]/[unit]": {
    access: { kind: "published" },
    probes: (_, t) => perPublishedFinal(t, (x) => `/api/open/finals/${finalKey(x)}`),
  },
  "GET /api/open/finals/[region]/[year]/[unit]/report.pdf": {
    access: { kind: "published" },
    probes: (_, t) => perPublishedFinal(t, (x) => `/api/open/finals/${finalKey(x)}/report.pdf`),
  },
  "GET /api/open/finals/[region]/[year]/[unit]/trace": {
    access: { kind: "published" },
    probes: (_, t) => perPublishedFinal(t, (x) => `/api/open/finals/${finalKey(x)}/trace?${FINAL_TRACE_CELL}`),
  },
  "GET /api/open/finals/[region]/[year]/[unit]/tables.xlsx": {
    access: { kind: "published" },
    probes: (_, t) => perPublishedFinal(t, (x) => `/api/open/finals/${finalKey(x)}/tables.xlsx`),
  },
  "GET /api/open/lines.csv": {
    access: { kind: "published" },
    probes: (_, t) => perPublished(t, (x) => `/api/open/lines.csv?region=${x.regionCode}&year=2024&unit=${x.unit}`),
  },
  "GET /api/jobs": { access: { kind: "permission", permissions: ["budget.read"] }, probes: () => [page("/api/jobs")] },
  // A job nobody started: not found for everyone (a user reads only the results of their own jobs,
  // test/jobs/job-runner.test.ts and e2e/jobs.spec.ts).
  "GET /api/jobs/[id]/result": {
    access: { kind: "permission", permissions: ["budget.read"] },
    probes: () => [{ ...page("/api/jobs/999999/result"), okStatus: 404 }],
  },
  // An empty upload: an allowed accountant is told to choose files, nothing is queued.
  "POST /api/jobs/import-packages": {
    access: { kind: "permission", permissions: ["budget.import", "budget.edit"] },
    probes: () => [
      {
        label: "empty batch",
        target: null,
        method: "POST" as const,
        url: "/api/jobs/import-packages",
        okStatus: 400,
        form: { note: "" },
        headers: { origin: `http://localhost:${E2E_PORT}` },
      },
    ],
  },
  // The blank template of the draft's department: its accountants and the administrators.
  "GET /api/templates/workbook": {
    access: { kind: "budget", permissions: ["budget.export"] },
    probes: (_, t) =>
      [t.draft].map((x) => ({
        label: `template of ${x.unit}`,
        target: x,
        method: "GET" as const,
        url: `/api/templates/workbook?departmentId=${x.departmentId}&year=2024`,
      })),
  },
  "GET /review/export": {
    access: { kind: "region", permissions: ["budget.review"] },
    probes: (_, t) =>
      [t.submitted].map((x) => ({
        label: `/review/export?region=${x.regionCode}`,
        target: x,
        method: "GET" as const,
        url: `/review/export?region=${x.regionCode}&year=2024`,
      })),
  },
};

const BUDGET = (name: string) => `lib/actions/budget/${name}.ts`;
const REVIEW = (name: string) => `lib/actions/review/${name}.ts`;
const SIGN_IN_FIRST = "请先以部门会计身份登录";
const NOT_FOUND = "预算不存在或您无权访问";
// Version numbers nobody has: an allowed call stops at the version check, so the matrix never writes.
const STALE = 999_999;

const each = (t: Targets, targets: Target[], probe: (x: Target) => Omit<ActionProbe, "label" | "target">): ActionProbe[] =>
  targets.map((x) => ({ label: `${x.status} budget ${x.subUnit ?? x.unit}`, target: x, ...probe(x) }));

const review = (permission: Permission): ActionRule => ({
  access: { kind: "budget", permissions: [permission] },
  probes: (_, t) =>
    each(t, [t.submitted, t.draft], (x) => ({
      args: { form: { budgetId: String(x.id), expectedVersion: String(STALE), comment: "安全测试" } },
      denied: new RegExp(`^${NOT_FOUND}$|^您没有.*权限$`),
      reached: /已被他人修改/,
    })),
});

const admin = (permission: Permission, refusal: string, label = ""): ActionRule => ({
  access: { kind: "permission", permissions: [permission] },
  // An empty form: an allowed caller gets a validation message, nothing is written.
  probes: () => [{ label: `empty form${label}`, target: null, args: { form: {} }, denied: new RegExp(`^${refusal}$`) }],
});

const FINAL = (name: string) => `lib/actions/final/${name}.ts`;
const FINAL_NOT_FOUND = "未找到该决算";

export const ACTION_RULES: Record<string, ActionRule> = {
  [`${FINAL("save-final-section")}#saveFinalSectionAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    probes: (_, t) =>
      each(t, [t.finalSubmitted, t.finalDraft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE, section: "income", values: {} }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|${FINAL_NOT_FOUND})$`),
        reached: /已被他人修改|只有编制中或已退回的决算可以修改/,
      })),
  },
  [`${FINAL("apply-final-helper")}#applyFinalHelperAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    probes: (_, t) =>
      each(t, [t.finalSubmitted, t.finalDraft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE, helper: "income" }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|${FINAL_NOT_FOUND})$`),
        reached: /已被他人修改|只有编制中或已退回的决算可以修改/,
      })),
  },
  [`${FINAL("submit-final")}#submitFinalAction`]: {
    access: { kind: "budget", permissions: ["budget.submit"] },
    probes: (_, t) =>
      each(t, [t.finalSubmitted, t.finalDraft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|${NOT_FOUND})$`),
        reached: /已被他人修改/,
      })),
  },
  // From budgets not yet approved: an allowed caller is refused before anything is written.
  [`${FINAL("start-final")}#startFinalAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { json: [{ fromBudgetId: x.id }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|未找到该预算)$`),
        reached: /尚未审核通过或公开/,
      })),
  },
  // A year without approved budgets: an allowed reviewer is told so, nothing is queued.
  ["lib/actions/jobs/start-district-pdf.ts#startDistrictPdfAction"]: {
    access: { kind: "region", permissions: ["budget.review"] },
    probes: (_, t) =>
      [t.submitted].map((x) => ({
        label: `district ${x.regionCode}`,
        target: x,
        args: { json: [{ region: x.regionCode, year: 2019 }] },
        denied: /^(请以财政局审核员身份登录|未找到该区划)$/,
        reached: /没有已审核通过或已公开的部门预算/,
      })),
  },
  [`${BUDGET("save-section")}#saveSectionAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE, section: "income", values: {} }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|未找到该预算)$`),
        reached: /保存冲突|已报送或已审核/,
      })),
  },
  [`${BUDGET("start-next-year")}#startNextYearAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    // Only the submitted budget, whose next year the world has already started.
    probes: (_, t) =>
      each(t, [t.submitted], (x) => ({ args: { json: [x.id] }, denied: new RegExp(`^(${SIGN_IN_FIRST}|未找到该预算)$`), reached: /2025 年预算已存在/ })),
  },
  [`${BUDGET("import-into-budget")}#importIntoBudgetAction`]: {
    access: { kind: "budget", permissions: ["budget.import", "budget.edit"] },
    probes: (w, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: {
          json: [{ budgetId: x.id, expectedVersion: STALE, text: x === t.draft ? w.packages.draft : w.packages.submitted, mode: "replace", apply: false }],
        },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|您没有导入预算的权限|未找到该预算)$`),
        reached: /"ok":true,"applied":false|当前状态不可修改/,
      })),
  },
  [`${BUDGET("submit-budget")}#submitBudgetAction`]: {
    access: { kind: "budget", permissions: ["budget.submit"] },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|${NOT_FOUND})$`),
        reached: /已被他人修改/,
      })),
  },
  [`${BUDGET("review-unit-budget")}#reviewUnitBudgetAction`]: {
    // 部门审核 reaches units' budgets only: on a department's budget everyone is refused.
    access: { kind: "budget", permissions: ["unit.review"] },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE, decision: "accept" }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|${NOT_FOUND})$`),
        reached: /已被他人修改/,
      })),
  },
  [`${BUDGET("start-adjustment")}#startAdjustmentAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { json: [{ budgetId: x.id, expectedVersion: STALE, comment: "安全测试" }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|${NOT_FOUND})$`),
        reached: /已被他人修改/,
      })),
  },
  [`${BUDGET("resolve-comment")}#resolveCommentAction`]: {
    access: { kind: "budget", permissions: ["budget.edit"] },
    // The world's comment on the submitted budget is already answered: an allowed call is refused as a conflict.
    probes: (w, t) =>
      each(t, [t.submitted], (x) => ({
        args: { json: [{ budgetId: x.id, commentId: w.commentId }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|审核意见不存在或您无权访问)$`),
        reached: /已标记为已答复/,
      })),
  },
  [`${BUDGET("create-budget")}#createBudgetAction`]: {
    access: { kind: "department", permissions: ["budget.edit"] },
    // Its budget for 2024 exists: an allowed call is refused with "已存在".
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { json: [{ departmentId: x.departmentId, year: 2024 }] },
        denied: new RegExp(`^(${SIGN_IN_FIRST}|只能为本部门新建预算)$`),
        reached: /2024 年预算已存在/,
      })),
  },
  [`${REVIEW("transitions")}#returnAction`]: review("budget.return"),
  [`${REVIEW("transitions")}#approveAction`]: review("budget.approve"),
  // The bureau's reviewers publish, and the department's accountant its own budget after the 批复
  // (approved, replied); a refusal its accountant can read says why (before the 批复, not
  // approved, a unit's budget), any other reads as not found.
  [`${REVIEW("transitions")}#publishAction`]: {
    access: { kind: "publish" },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft, t.approved, t.unitBudget], (x) => ({
        args: { form: { budgetId: String(x.id), expectedVersion: String(STALE), comment: "安全测试" } },
        denied: new RegExp(`^(${NOT_FOUND}|您没有.*权限|.+的预算不能公开（只有审核通过的预算可以）|财政局尚未下达批复.*|单位预算不单独公开.*)$`),
        reached: /已被他人修改/,
      })),
  },
  [`${REVIEW("transitions")}#issueReplyAction`]: review("budget.approve"),
  [`${REVIEW("ceilings")}#saveCeilingAction`]: admin("budget.approve", "您没有管理控制数的权限"),
  [`${REVIEW("ceilings")}#importCeilingsAction`]: admin("budget.approve", "您没有管理控制数的权限"),
  [`${REVIEW("ceilings")}#issueCeilingsAction`]: admin("budget.approve", "您没有管理控制数的权限"),
  [`${REVIEW("ceilings")}#deleteCeilingAction`]: admin("budget.approve", "您没有管理控制数的权限"),
  [`${REVIEW("comment")}#commentAction`]: {
    access: { kind: "budget", permissions: ["budget.comment"] },
    probes: (_, t) =>
      each(t, [t.submitted, t.draft], (x) => ({
        args: { form: { budgetId: String(x.id), section: COMMENT_SECTION_IDS[0], body: "安全测试意见" } },
        denied: new RegExp(`^${NOT_FOUND}$|^您没有.*权限$`),
        reached: /"ok":true/,
      })),
  },
  "lib/actions/admin/catalog.ts#catalogAction": admin("admin.catalog", "您没有导入科目目录的权限"),
  "lib/actions/admin/units.ts#createRegionAction": admin("admin.units", "您没有管理单位的权限"),
  "lib/actions/admin/units.ts#createDepartmentAction": admin("admin.units", "您没有管理单位的权限"),
  "lib/actions/admin/units.ts#createSubUnitAction": admin("admin.units", "您没有管理单位的权限"),
  "lib/actions/admin/units.ts#renameAction": admin("admin.units", "您没有管理单位的权限"),
  "lib/actions/admin/stages.ts#addStageAction": admin("admin.units", "您没有设置审核阶段的权限"),
  "lib/actions/admin/stages.ts#renameStageAction": admin("admin.units", "您没有设置审核阶段的权限"),
  "lib/actions/admin/stages.ts#moveStageAction": admin("admin.units", "您没有设置审核阶段的权限"),
  "lib/actions/admin/stages.ts#removeStageAction": admin("admin.units", "您没有设置审核阶段的权限"),
  "lib/actions/admin/stages.ts#assignReviewerAction": admin("admin.units", "您没有设置审核阶段的权限"),
  "lib/actions/admin/users.ts#createUserAction": admin("admin.users", "您没有管理用户的权限"),
  "lib/actions/admin/users.ts#addMembershipAction": admin("admin.users", "您没有管理用户的权限"),
  "lib/actions/admin/users.ts#removeMembershipAction": admin("admin.users", "您没有管理用户的权限"),
  "lib/actions/admin/users.ts#resetPasswordAction": admin("admin.users", "您没有管理用户的权限"),
  "lib/actions/admin/users.ts#setActiveAction": admin("admin.users", "您没有管理用户的权限"),
};
