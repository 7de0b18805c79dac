import "server-only";
import { m, type Message } from "@/lib/i18n/message";
import { randomUUID } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { MAX_STATEMENT, MIN_RATIONALE } from "@/lib/order";
import { visibleLength } from "@/lib/text";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db, readDb } from "../db";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";

export { SUGGESTED_TEMPLATES } from "./suggested-templates";

export const TITLE_LIMITS = { min: 3, max: 80 } as const;

export interface RationaleTemplateView {
  id: string;
  title: string;
  body: string;
  updatedBy: string;
  updatedAt: Date;
}

/** The team's templates in the agent's world, by title; none for anyone but support. */
export async function listTemplates(user: SessionUser, from: Db = readDb): Promise<RationaleTemplateView[]> {
  if (user.role !== "SUPPORT") return [];
  const rows = await from.rationaleTemplate.findMany({ where: { worldId: orderScope(user).worldId }, orderBy: [{ title: "asc" }, { id: "asc" }], take: 200 });
  const people = new Map((await from.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.updatedById))] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, updatedBy: people.get(row.updatedById) ?? "—", updatedAt: row.updatedAt }));
}

function check(input: { title: string; body: string }): Record<string, Message[]> | null {
  const errors: Record<string, Message[]> = {};
  const title = visibleLength(input.title);
  if (title < TITLE_LIMITS.min || input.title.length > TITLE_LIMITS.max) errors.title = [m("errors.template.title", { min: TITLE_LIMITS.min, max: TITLE_LIMITS.max })];
  if (visibleLength(input.body) < MIN_RATIONALE) errors.body = [m("errors.template.body", { min: MIN_RATIONALE })];
  else if (input.body.length > MAX_STATEMENT) errors.body = [m("errors.template.tooLong", { max: MAX_STATEMENT })];
  return Object.keys(errors).length ? errors : null;
}

/** Adds a template (no id) or changes one of the agent's world. */
export function saveTemplate(user: SessionUser, input: { id?: string; title: string; body: string }, now: Date): Promise<Result<{ id: string }>> {
  return runCommand(async () => {
    if (user.role !== "SUPPORT") throw new AppError("FORBIDDEN", m("errors.onlySupportTemplates"));
    const errors = check(input);
    if (errors) throw new AppError("VALIDATION", m("errors.checkFields"), errors);
    const worldId = orderScope(user).worldId;
    const data = { title: input.title.trim(), body: input.body.trim(), updatedById: user.id, updatedAt: now };
    if (!input.id) {
      const id = randomUUID();
      await db.rationaleTemplate.create({ data: { id, worldId, ...data } });
      return { id };
    }
    const changed = await db.rationaleTemplate.updateMany({ where: { id: input.id, worldId }, data });
    if (changed.count !== 1) throw new AppError("NOT_FOUND", m("errors.noTemplate"));
    return { id: input.id };
  });
}

export function deleteTemplate(user: SessionUser, id: string): Promise<Result<{ id: string }>> {
  return runCommand(async () => {
    if (user.role !== "SUPPORT") throw new AppError("FORBIDDEN", m("errors.onlySupportTemplates"));
    const removed = await db.rationaleTemplate.deleteMany({ where: { id, worldId: orderScope(user).worldId } });
    if (removed.count !== 1) throw new AppError("NOT_FOUND", m("errors.noTemplate"));
    return { id };
  });
}
