/**
 * The limits of what people type and attach, in one place: the rules check them, the forms
 * describe them, the upload check enforces the bytes. Nothing else restates these numbers.
 */
import { labelsOf, m, type Message } from "../i18n/message";

/** Photos per form, and the size of each (checked by their bytes on the server). */
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

export const MAX_DESCRIPTION = 2000;
export const MAX_STATEMENT = 2000;
/** A conversation message (DOMAIN: Conversations). */
export const MAX_MESSAGE = 2000;
/** Lines in one message (blank lines in a row count as one): a wall of line breaks is not a message. */
export const MAX_MESSAGE_LINES = 40;
/** A rationale must say why, in a sentence or more. */
export const MIN_RATIONALE = 20;
/** Why an agent takes a case over from another, and what support asks a party: short, but a real sentence. */
export const MIN_NOTE = 10;
export const MAX_NOTE = 500;

export const RETURN_CARRIERS = ["USPS", "UPS", "FedEx", "DHL", "Other"] as const;

/** How a return travels (US): the platform's prepaid label (the buyer drops the parcel off), or arranged and paid by the buyer. */
export const RETURN_METHODS = ["PREPAID_LABEL", "SELF_ARRANGED"] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];
export const RETURN_METHOD_LABELS: Record<ReturnMethod, Message> = labelsOf("engine.returnMethod", ["PREPAID_LABEL", "SELF_ARRANGED"]);
export type ReturnCarrier = (typeof RETURN_CARRIERS)[number];

/** A tracking number: letters and digits, as printed on the carrier's receipt. */
export const TRACKING_NUMBER = { min: 8, max: 34 } as const;
export const TRACKING_NUMBER_PATTERN = new RegExp(`^[A-Z0-9]{${TRACKING_NUMBER.min},${TRACKING_NUMBER.max}}$`);

/** "5 MB" for people. */
export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Too many photos, or one too large: the browser says so before sending (a form over the server's
 * body limit would never arrive), and the server checks the same again on the bytes it received.
 */
export function photoLimitProblem(files: readonly { name: string; size: number }[]): Message | null {
  if (files.length > MAX_PHOTOS) return m("client.photos.tooMany", { max: MAX_PHOTOS, count: files.length });
  const large = files.find((file) => file.size > MAX_PHOTO_BYTES);
  return large ? m("client.photos.tooLarge", { name: large.name || "photo", size: describeBytes(MAX_PHOTO_BYTES) }) : null;
}

/** The hint under a photo field. */
export function photoHint(required: "optional" | "at least one"): Message {
  return m("client.photos.hint", { size: describeBytes(MAX_PHOTO_BYTES), required: required === "optional" ? "no" : "yes", max: MAX_PHOTOS });
}
