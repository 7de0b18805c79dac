/** Reasons as the platform's API names them (issue 31): the platform's key where the catalogue has one, else ours. Pure. */
import { findReason, reasonsOfKind, type Reason, type ReasonKind } from "@/lib/order";

export const reasonName = (reason: Reason): string => reason.platformKey ?? reason.key;

/** A stored reason key's name in the API (a key the catalogue no longer has stays as it is). */
export function reasonNameOf(key: string): string {
  const reason = findReason(key);
  return reason ? reasonName(reason) : key;
}

/** The reason of a kind a client named, by the platform's name or ours. */
export function reasonByName(kind: ReasonKind, name: string): Reason | undefined {
  return reasonsOfKind(kind).find((reason) => reasonName(reason) === name || reason.key === name);
}
