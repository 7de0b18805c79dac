/**
 * Expected failures are values with a code and a sentence a person can read; bugs are exceptions.
 * Services throw AppError inside a transaction (so it rolls back) and return it as a value.
 */
export const ERROR_CODES = ["NOT_FOUND", "FORBIDDEN", "INVALID_TRANSITION", "CONFLICT", "VALIDATION"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainError {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  toValue(): DomainError {
    return this.fieldErrors ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** The one message people get for a stale form or a lost race. */
export const STALE_ORDER_MESSAGE = "This order changed while you were looking. Reload to see the latest.";
