import { chromium } from "playwright-core";

/** Flags for headless Chromium on servers and in containers (no GPU, no sandbox, no phoning home). */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * Prints a page of this app to PDF with headless Chromium: A4 landscape (the tables are wide),
 * print CSS (one table per page), backgrounds, page numbers in the footer. Fonts come from the
 * system (Debian fonts-noto-cjk), and Chromium embeds the subset it uses, so the Chinese text
 * is readable and searchable everywhere. Only same-origin requests are allowed, so nothing a
 * budget contains can make the renderer reach elsewhere.
 */
export async function printPageToPdf(url: string, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const origin = new URL(url).origin;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    await context.route("**/*", (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "load", timeout: options.timeoutMs ?? 60_000 });
    if (!response || !response.ok()) throw new Error(`打印页面无法打开：${response?.status() ?? "无响应"}`);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      format: "A4",
      landscape: true,
      printBackground: true,
      margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        '<div style="width:100%;font-size:8px;text-align:center;color:#646a73;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
