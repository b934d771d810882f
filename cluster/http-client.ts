import http from "node:http";

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * A small HTTP client for the cluster tests and benchmark: keeps cookies like a browser and can
 * send from another loopback source address (127.0.0.x), so that each simulated client has an
 * address of its own behind the balancer. Only ever talks to 127.0.0.1.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  /** The app server that answered the last request (the balancer's X-Upstream header). */
  lastUpstream: string | undefined;

  constructor(
    readonly port: number,
    readonly localAddress = "127.0.0.1",
  ) {}

  request(method: string, path: string, opts: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<HttpAnswer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          method,
          path,
          localAddress: this.localAddress,
          agent: false,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(opts.body !== undefined ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}),
            ...opts.headers,
          },
          timeout: opts.timeoutMs ?? 60_000,
        },
        (res) => {
          this.lastUpstream = res.headers["x-upstream"] as string | undefined;
          for (const c of res.headers["set-cookie"] ?? []) {
            const [pair] = c.split(";");
            const i = pair!.indexOf("=");
            const name = pair!.slice(0, i).trim();
            const value = pair!.slice(i + 1).trim();
            if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path} 超时`)));
      req.on("error", reject);
      req.end(opts.body);
    });
  }

  get(path: string) {
    return this.request("GET", path);
  }

  /** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
  async signIn(username: string, password: string): Promise<{ ok: boolean; error?: string }> {
    const csrf = await this.get("/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken, username, password, callbackUrl: "/", json: "true", redirect: "false" }).toString();
    const res = await this.request("POST", "/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body,
    });
    const location =
      res.status >= 300 && res.status < 400 ? String(res.headers.location ?? "") : ((JSON.parse(res.text || "{}") as { url?: string }).url ?? "");
    const error = new URL(location || "/", "http://127.0.0.1").searchParams.get("error");
    const signedIn = [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
    return error || !signedIn ? { ok: false, error: error ?? `HTTP ${res.status}` } : { ok: true };
  }

  /**
   * Calls a server action the way Next's client does (Next-Action header, arguments encoded as
   * React's encodeReply does) and returns the action's result from the RSC answer.
   */
  async action<T>(
    actionId: string,
    pagePath: string,
    args: unknown[] | { state: unknown; form: Record<string, string> },
  ): Promise<{ status: number; result: T | undefined; text: string }> {
    const headers: Record<string, string> = {
      "next-action": actionId,
      accept: "text/x-component",
      origin: `http://127.0.0.1:${this.port}`,
    };
    let body: string | Buffer;
    if (Array.isArray(args)) {
      headers["content-type"] = "text/plain;charset=UTF-8";
      body = JSON.stringify(args);
    } else {
      // (prevState, FormData): the FormData's fields under "_1_", then the arguments as part "0"
      // (last: the server builds the FormData from the fields received before the root).
      const boundary = `----mingzhang${Date.now().toString(16)}`;
      const parts: [string, string][] = [
        ...Object.entries(args.form).map(([k, v]) => [`_1_${k}`, v] as [string, string]),
        ["0", JSON.stringify([args.state ?? "$undefined", "$K1"])],
      ];
      body = Buffer.from(
        parts.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`,
        "utf8",
      );
      headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
    }
    const res = await this.request("POST", pagePath, { headers, body });
    return { status: res.status, result: actionResult<T>(res.text), text: res.text };
  }
}

/** The action's return value in an RSC answer: the row the root's "a" points to. */
export function actionResult<T>(text: string): T | undefined {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const a = root?.a;
    if (typeof a === "string" && a.startsWith("$@")) return JSON.parse(rows.get(a.slice(2)) ?? "null") as T;
    return a as T;
  } catch {
    return undefined;
  }
}
