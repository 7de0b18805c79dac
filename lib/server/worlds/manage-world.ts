import { m } from "@/lib/i18n/message";
import "server-only";
import { randomBytes } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import type { WorldRole } from "@/lib/worlds";
import { deleteWorld, resetWorld } from "../demo/reset-world";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";
import { loadWorldView, requireClockControl } from "./world-access";

async function requireOwner(db: Db, worldId: string, visitorId: string | null) {
  const world = await loadWorldView(db, worldId, visitorId);
  if (!world) throw new AppError("NOT_FOUND", m("errors.noWorldOrNotMember"));
  if (world.role !== "OWNER") throw new AppError("FORBIDDEN", m("errors.onlyOwner"));
  return world;
}

/** The owner makes a member a facilitator (who may move the clock and reset the world) or back to a member. */
export function setMemberRole(db: Db, input: { worldId: string; visitorId: string | null; memberId: string; role: Exclude<WorldRole, "OWNER"> }): Promise<Result<{ name: string }>> {
  return runCommand(async () => {
    await requireOwner(db, input.worldId, input.visitorId);
    const member = await db.worldMember.findFirst({ where: { id: input.memberId, worldId: input.worldId }, select: { id: true, role: true, name: true } });
    if (!member) throw new AppError("NOT_FOUND", m("errors.notMember"));
    if (member.role === "OWNER") throw new AppError("VALIDATION", m("errors.ownerRoleFixed"));
    await db.worldMember.update({ where: { id: member.id }, data: { role: input.role } });
    return { name: member.name };
  });
}

/**
 * The owner removes a member: their browser is no longer in the world, so its personas sign nobody in
 * there any more (currentUser checks the membership on every request). Replacing the share link as
 * well keeps them from joining again.
 */
export function removeMember(db: Db, input: { worldId: string; visitorId: string | null; memberId: string }): Promise<Result<{ name: string }>> {
  return runCommand(async () => {
    await requireOwner(db, input.worldId, input.visitorId);
    const member = await db.worldMember.findFirst({ where: { id: input.memberId, worldId: input.worldId }, select: { id: true, role: true, name: true } });
    if (!member) throw new AppError("NOT_FOUND", m("errors.notMember"));
    if (member.role === "OWNER") throw new AppError("VALIDATION", m("errors.ownerNotRemovable"));
    await db.worldMember.delete({ where: { id: member.id } });
    return { name: member.name };
  });
}

/** The owner replaces the share link: the old one leads nowhere from now on (a leaked link is worth nothing). Members stay. */
export function replaceShareLink(db: Db, input: { worldId: string; visitorId: string | null }): Promise<Result<{ name: string }>> {
  return runCommand(async () => {
    const world = await requireOwner(db, input.worldId, input.visitorId);
    await db.world.update({ where: { id: world.id }, data: { joinToken: randomBytes(18).toString("base64url") } });
    return { name: world.name };
  });
}

/** Rebuilds the world from its template and puts its clock back to real time (owner and facilitators). */
export function resetOwnWorld(db: Db, input: { worldId: string; visitorId: string | null }, realNow: Date): Promise<Result<{ name: string }>> {
  return runCommand(async () => {
    const world = await requireClockControl(db, input.worldId, input.visitorId);
    await resetWorld(db, realNow, world.id, { template: world.template });
    return { name: world.name };
  });
}

/** The owner deletes the world now, with everything in it. */
export function deleteOwnWorld(db: Db, input: { worldId: string; visitorId: string | null }): Promise<Result<{ name: string }>> {
  return runCommand(async () => {
    const world = await requireOwner(db, input.worldId, input.visitorId);
    await deleteWorld(db, world.id);
    return { name: world.name };
  });
}
