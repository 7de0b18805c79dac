/**
 * Which refund or return request a reason allows (DOMAIN: Returns and refunds): change of mind →
 * return and refund only; not received → refund only, with a written description and no photo;
 * something wrong with the item → either, with at least one photo. The reason catalogue holds the
 * data (`Reason.request`); this file turns it into checks and sentences.
 */
import { list, m, type Message } from "../i18n/message";
import { findReason, reasonLabel } from "./reasons";
import type { FieldError } from "./rules/shape";
import { CASE_TYPE_LABELS, type RequestCaseType } from "./return-case";
import { visibleLength } from "../text";

export interface RequestRule {
  caseTypes: readonly RequestCaseType[];
  minPhotos: number;
  describe: boolean;
}

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
export function requestProblem(input: { reasonKey: string; caseType: RequestCaseType; photoCount: number; description: string }): FieldError | null {
  const label = findReason(input.reasonKey)?.label ?? m("engine.requestRules.thisReason");
  const rule = requestRuleFor(input.reasonKey);
  if (!rule.caseTypes.includes(input.caseType)) {
    // Only single-type reasons can refuse a type.
    const allowed = rule.caseTypes[0]!;
    return { field: "caseType", reason: m("engine.requestRules.onlyType", { reason: label, returnOnly: allowed === "RETURN_AND_REFUND" ? "yes" : "no", choice: CASE_TYPE_LABELS[allowed] }) };
  }
  if (input.photoCount < rule.minPhotos) return { field: "photos", reason: m("engine.requestRules.needsPhoto", { reason: label, n: rule.minPhotos }) };
  if (rule.describe && visibleLength(input.description) === 0) return { field: "description", reason: m("engine.requestRules.needsDescription", { reason: label }) };
  return null;
}

/** One sentence per distinct requirement, for the request form ("Damaged item, …: at least 1 photo."). */
export function requestRuleSentences(reasonKeys: readonly string[]): Message[] {
  const sentences: Message[] = [];
  const only = (type: RequestCaseType) => reasonKeys.filter((key) => requestRuleFor(key).caseTypes.length === 1 && requestRuleFor(key).caseTypes[0] === type);
  const names = (keys: string[]) => list(keys.map((key) => reasonLabel(key)));
  const returnOnly = only("RETURN_AND_REFUND");
  const refundOnly = only("REFUND_ONLY");
  const photos = reasonKeys.filter((key) => requestRuleFor(key).minPhotos > 0);
  const described = reasonKeys.filter((key) => requestRuleFor(key).describe);
  if (returnOnly.length) sentences.push(m("engine.requestRules.returnOnly", { reasons: names(returnOnly) }));
  if (refundOnly.length) sentences.push(m("engine.requestRules.refundOnly", { reasons: names(refundOnly), described: described.some((key) => refundOnly.includes(key)) ? "yes" : "no" }));
  if (photos.length) sentences.push(m("engine.requestRules.photo", { reasons: names(photos) }));
  return sentences;
}
