import "server-only";
import { m, type Message } from "@/lib/i18n/message";
import { randomUUID } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { MAX_STATEMENT, MIN_RATIONALE } from "@/lib/order";
import { visibleLength } from "@/lib/text";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { readSql } from "../sqlite/read-sql";
import { dateOf } from "../sqlite/sql-tx";
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
export async function listTemplates(user: SessionUser): Promise<RationaleTemplateView[]> {
  if (user.role !== "SUPPORT") return [];
  // On the page reads' connection, with who last changed each (a name, not a read per row).
  const rows = readSql((sql) =>
    sql.all<{ id: string; title: string; body: string; updatedBy: string | null; updatedAt: string }>(
      `SELECT t."id", t."title", t."body", u."name" AS "updatedBy", t."updatedAt" FROM "RationaleTemplate" t LEFT JOIN "User" u ON u."id" = t."updatedById"
        WHERE t."worldId" = ? ORDER BY t."title" ASC, t."id" ASC LIMIT 200`,
      orderScope(user).worldId,
    ),
  );
  return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, updatedBy: row.updatedBy ?? "—", updatedAt: dateOf(row.updatedAt)! }));
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
