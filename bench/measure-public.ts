/**
 * Measures (4) and (7b, 7c): the public page of a published budget under 50 concurrent
 * connections for 20 s (autocannon, against the production server), the same for a static file
 * of the same server, the server's memory under that load, and the client JavaScript the page
 * makes a reader download (gzipped).
 */
import { gzipSync } from "node:zlib";
import { memoryOf } from "./app-server";
import { round, summarize, type Summary } from "./stats";

import autocannon, { type CannonResult } from "autocannon";

export interface LoadMeasure {
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  errors: number;
  non2xx: number;
  /** Latency of every 2xx response (ms), from autocannon's per-response events. */
  latency: Summary;
}

/** Runs autocannon and summarises every response's latency itself (autocannon's histogram has no p95). */
export async function load(
  url: string,
  opts: { connections: number; seconds: number; onSecond?: () => void; headers?: Record<string, string> },
): Promise<LoadMeasure> {
  const latencies: number[] = [];
  const ticker = opts.onSecond ? setInterval(opts.onSecond, 500) : null;
  try {
    const result = await new Promise<CannonResult>((resolve, reject) => {
      const instance = autocannon(
        { url, connections: opts.connections, duration: opts.seconds, timeout: 10, ...(opts.headers ? { headers: opts.headers } : {}) },
        (error, r) => (error ? reject(error) : resolve(r)),
      );
      instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      });
    });
    return {
      url,
      connections: opts.connections,
      seconds: result.duration,
      requests: latencies.length,
      rps: round(latencies.length / result.duration, 1),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      latency: summarize(latencies),
    };
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

async function warm(url: string, requests: number) {
  await new Promise<void>((resolve, reject) => {
    autocannon({ url, connections: 10, amount: requests, timeout: 20 }, (error) => (error ? reject(error) : resolve()));
  });
}

/** What Chromium and Firefox send on every navigation; autocannon sends no Accept-Encoding. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export interface PublicMeasure {
  /**
   * The page as readers' browsers ask for it: every navigation of Chromium, Firefox and Safari
   * sends an Accept-Encoding naming gzip and brotli, and the front door sends the stored brotli
   * (13 KB). The issue's measure; sampled for RSS.
   */
  page: LoadMeasure;
  staticFile: LoadMeasure;
  /**
   * The same load asking for no encoding (autocannon's default, what the first runs measured):
   * the plain 130 KB document per response, which on this machine the load generator itself,
   * parsing ten times the bytes on the same two cores, bounds. Informational.
   */
  pagePlain: LoadMeasure;
  rpsRatio: number;
  /** next-server memory during the page load: the highest sampled VmRSS, and VmHWM at the end. */
  rssMb: number;
  peakRssMb: number;
  idleRssMb: number;
  js: { files: number; inlineScripts: number; rawKb: number; gzipKb: number; scripts: string[] };
}

/**
 * The page's JavaScript as a reader's browser downloads it, gzipped: each `<script src>` file
 * fetched, and the inline scripts (a page rendered to static HTML carries its little script
 * inline; Next's pages carry their RSC payload inline too, and both count).
 */
export async function clientJavaScript(origin: string, pagePath: string): Promise<PublicMeasure["js"]> {
  const html = await (await fetch(`${origin}${pagePath}`)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, "&")))];
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string).filter((s) => s.trim() !== "");
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const res = await fetch(new URL(src, origin));
    if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  if (inline.length > 0) {
    const body = Buffer.from(inline.join("\n"));
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { files: scripts.length, inlineScripts: inline.length, rawKb: round(raw / 1024, 1), gzipKb: round(gz / 1024, 1), scripts };
}

/**
 * The static file the page's rate is compared with: one of Next's own /_next/static/ scripts.
 * A page rendered to static HTML links none, so it is taken from the home page then.
 */
async function staticFilePath(origin: string, js: PublicMeasure["js"]): Promise<string> {
  const own = js.scripts.find((s) => s.startsWith("/_next/static/"));
  if (own) return own;
  const home = await (await fetch(`${origin}/`)).text();
  const found = [...home.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1] as string)[0];
  if (!found) throw new Error("neither the page nor the home page links a /_next/static/ script to use as the static file");
  return found;
}

export async function measurePublic(origin: string, pagePath: string, serverPid: number | null, seconds: number): Promise<PublicMeasure> {
  const js = await clientJavaScript(origin, pagePath);
  const staticPath = await staticFilePath(origin, js);

  const idle = serverPid ? memoryOf(serverPid) : null;
  let rssMax = idle?.rssMb ?? 0;
  const sample = () => {
    const m = serverPid ? memoryOf(serverPid) : null;
    if (m) rssMax = Math.max(rssMax, m.rssMb);
  };
  await warm(`${origin}${pagePath}`, 200);
  const page = await load(`${origin}${pagePath}`, { connections: 50, seconds, onSecond: sample, headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING } });
  const peak = serverPid ? memoryOf(serverPid) : null;
  await warm(`${origin}${staticPath}`, 200);
  const staticFile = await load(`${origin}${staticPath}`, { connections: 50, seconds, onSecond: sample });
  const pagePlain = await load(`${origin}${pagePath}`, { connections: 50, seconds, onSecond: sample });
  return {
    page,
    staticFile,
    pagePlain,
    rpsRatio: round(page.rps / Math.max(0.001, staticFile.rps), 3),
    rssMb: rssMax,
    peakRssMb: peak?.hwmMb ?? Number.NaN,
    idleRssMb: idle?.rssMb ?? Number.NaN,
    js,
  };
}
