import http from "node:http";

/**
 * A small HTTP load balancer for the cluster harness and benchmark, standing in for nginx
 * (docker/nginx.conf) on this machine: round-robin over the app servers, X-Forwarded-For
 * appended with the client's address (what TRUST_PROXY reads), and the next upstream tried when
 * one refuses the connection. Like nginx's default `proxy_next_upstream error`, a request already
 * sent is retried elsewhere only when it is idempotent (GET, HEAD): a save that reached a server
 * which then died is answered 502, never sent twice. An upstream that failed is skipped for
 * `downForMs` (nginx's max_fails=1 fail_timeout).
 */
export interface Balancer {
  port: number;
  /** Requests answered by each upstream (by port). */
  served: Map<number, number>;
  close(): Promise<void>;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS"]);
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];
const MAX_BODY = 16 * 1024 * 1024;

export function startBalancer(opts: { port: number; upstreams: number[]; downForMs?: number; host?: string }): Promise<Balancer> {
  const host = opts.host ?? "127.0.0.1";
  const downFor = opts.downForMs ?? 2000;
  const downUntil = new Map<number, number>();
  const served = new Map<number, number>(opts.upstreams.map((p) => [p, 0]));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;

  function order(): number[] {
    const start = next++ % opts.upstreams.length;
    const ring = [...opts.upstreams.slice(start), ...opts.upstreams.slice(0, start)];
    const now = Date.now();
    const up = ring.filter((p) => (downUntil.get(p) ?? 0) <= now);
    // Every upstream marked down: try them all anyway rather than fail outright.
    return up.length > 0 ? [...up, ...ring.filter((p) => !up.includes(p))] : ring;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers: http.OutgoingHttpHeaders = { ...req.headers };
      for (const h of HOP_BY_HOP) delete headers[h];
      const peer = req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "unknown";
      headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${peer}` : peer;
      headers["x-forwarded-proto"] = "http";
      headers["content-length"] = String(body.length);
      const candidates = order();
      const attempt = (i: number) => {
        const port = candidates[i];
        if (port === undefined) {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
          res.end("没有可用的应用服务器");
          return;
        }
        const up = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent }, (upRes) => {
          served.set(port, (served.get(port) ?? 0) + 1);
          // Which server answered (nginx: add_header X-Upstream $upstream_addr).
          res.writeHead(upRes.statusCode ?? 502, { ...upRes.headers, "x-upstream": String(port) });
          upRes.pipe(res);
          upRes.on("error", () => res.destroy());
        });
        up.on("error", (error: NodeJS.ErrnoException) => {
          if (res.headersSent) return res.destroy();
          downUntil.set(port, Date.now() + downFor);
          // Refused (nothing was sent), or safe to repeat: the next upstream answers. A reset on
          // a kept-alive socket may come from a server that died while handling the request.
          if (error.code === "ECONNREFUSED" || IDEMPOTENT.has(req.method ?? "GET")) attempt(i + 1);
          else {
            res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
            res.end("应用服务器在处理请求时断开");
          }
        });
        up.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () =>
      resolve({
        port: opts.port,
        served,
        close: () =>
          new Promise<void>((r) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}

if (require.main === module) {
  // npx tsx cluster/balancer.ts <listen port> <upstream port>…
  const [listen, ...ups] = process.argv.slice(2).map(Number);
  if (!listen || ups.length === 0) {
    process.stderr.write("用法：tsx cluster/balancer.ts <监听端口> <上游端口>…\n");
    process.exit(2);
  }
  void startBalancer({ port: listen, upstreams: ups }).then((b) => process.stdout.write(`balancer on 127.0.0.1:${b.port} → ${ups.join(", ")}\n`));
}
