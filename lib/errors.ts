/**
 * Expected failures are values with a code and a sentence a person can read; bugs are exceptions.
 * Services throw AppError inside a transaction (so it rolls back) and return it as a value.
 */
import { m, type Message } from "./i18n/message";

export const ERROR_CODES = ["NOT_FOUND", "FORBIDDEN", "INVALID_TRANSITION", "CONFLICT", "VALIDATION"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What went wrong, as messages the page translates for its viewer (lib/i18n/message.ts). */
export interface DomainError {
  code: ErrorCode;
  message: Message;
  fieldErrors?: Record<string, Message[]>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly sentence: Message;
  readonly fieldErrors?: Record<string, Message[]>;

  constructor(code: ErrorCode, sentence: Message, fieldErrors?: Record<string, Message[]>) {
    // Error.message is for logs: the key says which sentence it is.
    super(sentence.key);
    this.name = "AppError";
    this.code = code;
    this.sentence = sentence;
    this.fieldErrors = fieldErrors;
  }

  toValue(): DomainError {
    return this.fieldErrors ? { code: this.code, message: this.sentence, fieldErrors: this.fieldErrors } : { code: this.code, message: this.sentence };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** The one message people get for a stale form or a lost race. */
export const STALE_ORDER_MESSAGE: Message = m("errors.staleOrder");
