"use server";

import { revalidatePath } from "next/cache";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { markAllRead } from "@/lib/server/conversations/inbox";

/** Marks every conversation and notification of the signed-in person read. */
export async function markAllReadAction(): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  await markAllRead(user, await appNow());
  revalidatePath("/", "layout");
}
