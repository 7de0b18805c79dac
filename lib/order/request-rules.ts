/**
 * Which refund or return request a reason allows (DOMAIN: Returns and refunds): change of mind →
 * return and refund only; not received → refund only, with a written description and no photo;
 * something wrong with the item → either, with at least one photo. The reason catalogue holds the
 * data (`Reason.request`); this file turns it into checks and sentences.
 */
import { findReason } from "./reasons";
import { CASE_TYPE_LABELS, type RequestCaseType } from "./return-case";
import { visibleLength } from "../text";

export interface RequestRule {
  caseTypes: readonly RequestCaseType[];
  minPhotos: number;
  describe: boolean;
}

const SHORT: Record<RequestCaseType, string> = { REFUND_ONLY: "a refund", RETURN_AND_REFUND: "a return and refund" };

const ANY: RequestRule = { caseTypes: ["REFUND_ONLY", "RETURN_AND_REFUND"], minPhotos: 0, describe: false };

/** What a refund or return reason requires (a reason without rules allows anything). */
export function requestRuleFor(reasonKey: string): RequestRule {
  return findReason(reasonKey)?.request ?? ANY;
}

/** Whether the reason allows the request type. */
export function reasonAllows(reasonKey: string, caseType: RequestCaseType): boolean {
  return requestRuleFor(reasonKey).caseTypes.includes(caseType);
}

/** What is wrong with a request's combination of reason, type, photos and description, naming the allowed alternative; or null. */
export function requestProblem(input: { reasonKey: string; caseType: RequestCaseType; photoCount: number; description: string }): { field: string; reason: string } | null {
  const label = findReason(input.reasonKey)?.label ?? "This reason";
  const rule = requestRuleFor(input.reasonKey);
  if (!rule.caseTypes.includes(input.caseType)) {
    // Only single-type reasons can refuse a type.
    const allowed = rule.caseTypes[0]!;
    const why = allowed === "RETURN_AND_REFUND" ? "the item goes back to the shop" : "there is nothing to send back";
    return { field: "caseType", reason: `"${label}" allows ${SHORT[allowed]} only (${why}). Choose "${CASE_TYPE_LABELS[allowed]}".` };
  }
  if (input.photoCount < rule.minPhotos) return { field: "photos", reason: `Add at least ${rule.minPhotos} photo showing the problem: "${label}" needs one.` };
  if (rule.describe && visibleLength(input.description) === 0) return { field: "description", reason: `Describe what happened: "${label}" needs a written description.` };
  return null;
}

/** One sentence per distinct requirement, for the request form ("Damaged item, …: at least 1 photo."). */
export function requestRuleSentences(reasonKeys: readonly string[]): string[] {
  const sentences: string[] = [];
  const only = (type: RequestCaseType) => reasonKeys.filter((key) => requestRuleFor(key).caseTypes.length === 1 && requestRuleFor(key).caseTypes[0] === type);
  const names = (keys: string[]) => keys.map((key) => findReason(key)?.label ?? key).join(", ");
  const returnOnly = only("RETURN_AND_REFUND");
  const refundOnly = only("REFUND_ONLY");
  const photos = reasonKeys.filter((key) => requestRuleFor(key).minPhotos > 0);
  const described = reasonKeys.filter((key) => requestRuleFor(key).describe);
  if (returnOnly.length) sentences.push(`${names(returnOnly)}: ${SHORT.RETURN_AND_REFUND} only.`);
  if (refundOnly.length) sentences.push(`${names(refundOnly)}: ${SHORT.REFUND_ONLY} only${described.some((key) => refundOnly.includes(key)) ? ", with a written description" : ""}.`);
  if (photos.length) sentences.push(`${names(photos)}: either, with at least one photo of the problem.`);
  return sentences;
}
