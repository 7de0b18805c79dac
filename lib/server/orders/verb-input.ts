import type { CommandFields, CommandType } from "@/lib/order";

/** Which order a person acts on, the version they saw, and the form's idempotency key. */
export interface OrderTarget {
  orderId: string;
  expectedVersion: number;
  idempotencyKey?: string;
}

/** A verb service's input: the order it targets and the fields of its command, as the engine types them. */
export type VerbInput<T extends CommandType> = OrderTarget & CommandFields<T>;

/** For commands that carry photos: the files instead of their count (the count is what survives the byte check). */
export type PhotoVerbInput<T extends CommandType> = OrderTarget & Omit<CommandFields<T>, "photoCount"> & { photos?: File[] };
