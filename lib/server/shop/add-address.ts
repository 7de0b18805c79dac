import "server-only";
/** A buyer saves a shipping address for checkout (at most MAX_ADDRESSES each). */
import { randomUUID } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { m } from "@/lib/i18n/message";
import type { SessionUser } from "../auth/session-user";
import { db as writer } from "../db";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";

export const MAX_ADDRESSES = 10;

export interface AddressInput {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export function addAddress(user: SessionUser, input: AddressInput, now: Date, db: Db = writer): Promise<Result<{ id: string }>> {
  return runCommand(async () => {
    if (user.role !== "BUYER") throw new AppError("FORBIDDEN", m("checkout.onlyBuyers"));
    return db.$transaction(async (tx) => {
      if ((await tx.address.count({ where: { userId: user.id } })) >= MAX_ADDRESSES) throw new AppError("VALIDATION", m("checkout.tooManyAddresses", { max: MAX_ADDRESSES }));
      const id = randomUUID();
      await tx.address.create({ data: { id, userId: user.id, ...input, createdAt: now } });
      return { id };
    });
  });
}
