import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { startPage } from "@/lib/auth/start-page";

export const dynamic = "force-dynamic";

/** Where sign-in goes when no page asked to come back to: the role is known only once signed in. */
export default async function StartPage() {
  const user = await currentUser();
  redirect(user ? startPage(user.memberships) : "/signin");
}
