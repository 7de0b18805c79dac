import { AppError, type Result } from "@/lib/errors";

/** Runs a service body, turning expected failures (AppError) into values; anything else is a bug and propagates. */
export async function runCommand<T>(body: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await body() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toValue() };
    throw error;
  }
}
