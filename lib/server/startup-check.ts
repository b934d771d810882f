import { trustProxy } from "@/lib/auth/client-address";

/**
 * What a production server needs to know about itself before it serves anyone. next-auth v4
 * falls back to http://localhost:3000 without NEXTAUTH_URL, so a second instance on another port
 * would send its users to the first one after sign-in; refusing to start with a clear message is
 * better than a server that quietly talks to its neighbour.
 */
export function startupProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const raw = env.NEXTAUTH_URL?.trim();
  let url: URL | undefined;
  if (!raw) {
    problems.push("未设置 NEXTAUTH_URL（本服务对外的地址，如 http://localhost:3000）。Set NEXTAUTH_URL to this server's public URL.");
  } else {
    try {
      url = new URL(raw);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
    } catch {
      problems.push(`NEXTAUTH_URL 不是有效的 http(s) 地址：${raw}`);
      url = undefined;
    }
  }
  if (!env.NEXTAUTH_SECRET?.trim()) problems.push("未设置 NEXTAUTH_SECRET（一串足够长的随机字符）。Set NEXTAUTH_SECRET.");
  // A local address on another port than this server's is another server: sign-ins would land
  // there. Unless TRUST_PROXY says a reverse proxy is in front: then that address is the proxy's
  // (a balancer on the same machine, as in the cluster harness), in front of every app server.
  const port = env.PORT?.trim();
  if (url && port && !trustProxy(env) && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)) {
    const urlPort = url.port || (url.protocol === "https:" ? "443" : "80");
    if (urlPort !== port) problems.push(`NEXTAUTH_URL（${raw}）指向端口 ${urlPort}，而本服务监听端口 ${port}：登录后会跳到另一个服务。`);
  }
  return problems;
}
