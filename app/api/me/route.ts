import { currentUser } from "@/lib/auth/session";
import { hasPermission, ROLE_LABELS } from "@/lib/auth/permissions";

/**
 * Who is signed in, for the header's account area (a client component, so that public pages
 * themselves stay static and cacheable). Only display data: every permission is checked again
 * where it matters, on the server.
 */
export async function GET() {
  const user = await currentUser();
  const body = user
    ? {
        signedIn: true,
        displayName: user.displayName,
        roles: [...new Set(user.memberships.map((m) => ROLE_LABELS[m.role]))],
        links: [
          ...(hasPermission(user, "budget.edit") ? [{ href: "/workspace", label: "我的预算" }] : []),
          ...(hasPermission(user, "budget.review") ? [{ href: "/review", label: "审核" }] : []),
          ...(hasPermission(user, "admin.users") ? [{ href: "/admin", label: "系统管理" }] : []),
          ...(hasPermission(user, "budget.import") || hasPermission(user, "budget.review") ? [{ href: "/jobs", label: "后台任务" }] : []),
        ],
      }
    : { signedIn: false };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
