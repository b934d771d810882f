/**
 * (8) The accountant's grid with 500 lines: how long a key takes from the keystroke to the next
 * frame painted, as the browser itself measures it (Event Timing, the measure behind INP), while
 * a person types at a normal pace (a key every 150 ms, so the live tables are recomputed between
 * keys as they are in real use). Runs against the production server of part A, in Debian's
 * Chromium; skipped (and said so) where there is none.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { progress, summarize, type Summary } from "./stats";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LINES = Number(process.env.GRID_LINES ?? 500);
const KEY_DELAY_MS = 150;
/** Event Timing reports nothing under this (the spec's floor); a quicker key counts as this. */
const EVENT_FLOOR_MS = 16;

export interface GridMeasure {
  lines: number;
  keys: number;
  /** Per key: the longest event of its interaction (keydown/keypress/input/keyup), ms. */
  key: Summary;
  /**
   * The renderer main thread's CPU from the first key to the last, ÷ keys (an upper bound: it also
   * holds moving between the three cells).
   */
  cpuPerKeyMs: number;
  /** Typing the whole value into one cell, key to key, ms (the test's own clock: context only). */
  typingMs: number[];
}

async function signIn(page: Page, origin: string, username: string, password: string) {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("用户名").pressSequentially(username);
  await page.getByLabel("密码").pressSequentially(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("current-user").waitFor();
}

/** A draft of `year` for the demo accountant's department: started from last year's budget unless it exists. */
async function openDraft(page: Page, origin: string, year: number): Promise<string> {
  await page.goto(`${origin}/workspace`);
  const start = page.getByRole("button", { name: `编制 ${year} 年预算` });
  if (await start.isVisible()) {
    await start.click();
    await page.waitForURL(/\/workspace\/budgets\/\d+$/);
    return new URL(page.url()).pathname;
  }
  const link = page
    .locator(`a[href^="/workspace/budgets/"]`)
    .filter({ hasText: String(year) })
    .first();
  await link.click();
  await page.waitForURL(/\/workspace\/budgets\/\d+/);
  return new URL(page.url()).pathname.replace(/\/[a-z-]+$/, "");
}

export async function measureGrid(origin: string, account: { username: string; password: string; year: number }): Promise<GridMeasure | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const page = await context.newPage();
    page.on("dialog", (d) => void d.accept());
    await signIn(page, origin, account.username, account.password);
    const budget = await openDraft(page, origin, account.year);
    await page.goto(`${origin}${budget}/basic`);
    const rows = page.getByTestId("basic-grid").locator("tbody tr[data-row]");
    await rows.first().waitFor();
    const have = await rows.count();

    // Fill to 500 lines by pasting distinct 项 × 款 pairs under a fund the demo lines don't use.
    const options = (list: string) => page.locator(`#${list} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const functions = await options("function-subjects");
    const economics = await options("economic-subjects");
    const pairs = functions.flatMap((fn) => economics.map((eco) => [fn, eco] as const));
    const tsv = pairs
      .slice(0, LINES - have)
      .map(([fn, eco], i) => `${fn}\t${eco}\t国有资本经营预算拨款\t${1000 + i}`)
      .join("\n");
    await page.getByRole("button", { name: "添加一行" }).click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), tsv);
    await page.keyboard.press("ControlOrMeta+v");
    await page
      .getByTestId("grid-line-count")
      .filter({ hasText: String(LINES) })
      .waitFor();
    progress(`grid: ${LINES} lines (${await rows.count()} of them in the page); typing …`);

    // Every event entry with its interaction; only those inside the typing windows are counted
    // (not the click and Ctrl+A that put the caret in the cell).
    await page.evaluate((floor) => {
      const w = window as unknown as { events: { id: number; start: number; duration: number }[] };
      w.events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
          if (e.interactionId) w.events.push({ id: e.interactionId, start: e.startTime, duration: e.duration });
        }
      }).observe({ type: "event", durationThreshold: floor, buffered: false } as PerformanceObserverInit);
    }, EVENT_FLOOR_MS);

    // The renderer's main-thread CPU while typing, from a trace: unlike the latencies it hardly
    // depends on what else the machine is doing.
    const tracePath = process.env.GRID_TRACE ?? path.join(os.tmpdir(), `mingzhang-grid-trace-${process.pid}.json`);
    await browser.startTracing(page, { path: tracePath, categories: ["devtools.timeline", "toplevel"] });
    const typingMs: number[] = [];
    const windows: [number, number][] = [];
    const now = () => page.evaluate(() => performance.now());
    const text = "7000000";
    // The last line (Ctrl+End), one in the middle (scrolled to) and the first (Ctrl+Home): the
    // caret is put in the amount cell with the keyboard, then the amount is typed over.
    const amountCell = async (where: "last" | "middle" | "first") => {
      if (where === "middle") {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        await page.waitForTimeout(300);
        const rendered = await rows.count();
        const row = Number(await rows.nth(Math.floor(rendered / 2)).getAttribute("data-row"));
        const cell = page.locator(`[id="basicExpenditure[${row}].amount"]`);
        await cell.click();
        return cell;
      }
      await page.waitForFunction(() => document.activeElement?.id.startsWith("basicExpenditure["));
      await page.keyboard.press(where === "last" ? "ControlOrMeta+End" : "ControlOrMeta+Home");
      const wanted = where === "last" ? LINES - 1 : 0;
      await page.waitForFunction((r) => document.activeElement?.id.startsWith(`basicExpenditure[${r}].`), wanted);
      const row = wanted;
      const cell = page.locator(`[id="basicExpenditure[${row}].amount"]`);
      await cell.click();
      return cell;
    };
    for (const where of ["last", "middle", "first"] as const) {
      const cell = await amountCell(where);
      await cell.press("ControlOrMeta+a");
      await page.waitForTimeout(500);
      const from = await now();
      const started = performance.now();
      await cell.pressSequentially(text, { delay: KEY_DELAY_MS });
      typingMs.push(Math.round(performance.now() - started));
      windows.push([from, await now()]);
    }
    await browser.stopTracing();
    const cpuMs = mainThreadCpuMs(tracePath);
    if (!process.env.GRID_TRACE) rmSync(tracePath, { force: true });
    const keys = windows.length * text.length;
    // Let the last key's work finish and be reported.
    await page.waitForTimeout(1000);
    const events = await page.evaluate(() => (window as unknown as { events: { id: number; start: number; duration: number }[] }).events);
    const perInteraction = new Map<number, number>();
    for (const e of events) {
      if (!windows.some(([a, b]) => e.start >= a && e.start <= b)) continue;
      perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.duration));
    }
    const reported = [...perInteraction.values()];
    const durations = [...reported, ...Array.from({ length: Math.max(0, keys - reported.length) }, () => EVENT_FLOOR_MS)];
    return { lines: LINES, keys, key: summarize(durations), cpuPerKeyMs: Math.round((cpuMs / keys) * 10) / 10, typingMs };
  } finally {
    await browser.close();
  }
}

/** A main-thread task's trace event: "RunTask" in older Chromium, "ThreadControllerImpl::RunTask" in Debian's 156. */
const TASK_EVENTS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/**
 * CPU time (thread time) of the renderer main thread's tasks in a Chromium trace, ms; NaN when the
 * trace has no thread times (a machine whose Chromium cannot read a thread's CPU clock), which
 * would otherwise read as 0 ms.
 */
function mainThreadCpuMs(tracePath: string): number {
  const trace = JSON.parse(readFileSync(tracePath, "utf8")) as {
    traceEvents: { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[];
  };
  const events = trace.traceEvents;
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  let micros = 0;
  let timed = 0;
  for (const e of events) {
    if (e.ph !== "X" || !TASK_EVENTS.has(e.name) || !main.has(`${e.pid}:${e.tid}`) || e.tdur === undefined) continue;
    micros += e.tdur;
    timed++;
  }
  return timed === 0 ? Number.NaN : micros / 1000;
}
