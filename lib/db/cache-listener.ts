import pg from "pg";
import { CACHE_CHANNEL, parseCacheEvent, type CacheEvent } from "./cache-events";

export interface CacheListener {
  /** True while the LISTEN connection is up: every change announced since then has arrived or will. */
  connected(): boolean;
  stop(): Promise<void>;
}

/**
 * Holds one connection to the primary LISTENing for cache events. A connection that drops may
 * have missed events, so `onGap` runs on every (re)connect and loss: the caller then forgets
 * everything it cached. Reconnects with a growing pause (at most `maxRetryMs`) until stopped.
 */
export function listenForCacheEvents(
  url: string,
  handlers: { onEvent(event: CacheEvent): void; onGap(connected: boolean): void },
  opts: { log?: (line: string) => void; minRetryMs?: number; maxRetryMs?: number } = {},
): CacheListener {
  const log = opts.log ?? (() => undefined);
  const minRetry = opts.minRetryMs ?? 500;
  const maxRetry = opts.maxRetryMs ?? 30_000;
  let client: pg.Client | null = null;
  let live = false;
  let stopped = false;
  let retryMs = minRetry;
  let timer: NodeJS.Timeout | undefined;

  // Once per connection: its "error" and "end" (or a failed connect) all report the same loss.
  const lost = (from: pg.Client, why: string) => {
    if (stopped || client !== from) return;
    if (live) log(`缓存失效通知连接中断（${why}），${retryMs} 毫秒后重连；在此期间每次读取都核对数据库`);
    live = false;
    handlers.onGap(false);
    client = null;
    from.end().catch(() => undefined);
    clearTimeout(timer);
    timer = setTimeout(connect, retryMs);
    timer.unref?.();
    retryMs = Math.min(maxRetry, retryMs * 2);
  };

  async function connect() {
    if (stopped || client) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    client = c;
    c.on("error", (e) => lost(c, e.message));
    c.on("end", () => lost(c, "connection ended"));
    c.on("notification", (m) => {
      if (m.channel !== CACHE_CHANNEL) return;
      const event = parseCacheEvent(m.payload);
      if (event) handlers.onEvent(event);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
      if (stopped || client !== c) return;
      live = true;
      retryMs = minRetry;
      handlers.onGap(true);
    } catch (e) {
      lost(c, e instanceof Error ? e.message : String(e));
    }
  }

  void connect();
  return {
    connected: () => live,
    async stop() {
      stopped = true;
      live = false;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
