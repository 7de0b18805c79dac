import { redirect } from "next/navigation";

/** Notifications live in the inbox now, with the conversations. */
export default function NotificationsPage() {
  redirect("/inbox");
}
