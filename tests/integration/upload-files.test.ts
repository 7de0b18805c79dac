/**
 * Issue 15, finding 5: a photo's file is put in place only after its command commits (a refused or
 * interrupted command leaves no file), and db:check compares the uploads directory with the rows.
 */
import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkUploadFiles } from "@/lib/server/checks/check-uploads";
import { db } from "@/lib/server/db";
import { solidPng } from "@/lib/server/demo/png";
import { checkUploads, removeStrandedUploads, stageEvidence, uploadPath, uploadsDir } from "@/lib/server/evidence/uploads";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { T0, buyerAva, createOrder, createWorld } from "../support/world";

const photo = (rgb: [number, number, number]) => new File([new Uint8Array(solidPng(rgb, 12))], "p.png", { type: "image/png" });

describe("photo files", () => {
  it("are placed after the commit; a refused command leaves neither a file nor a row, a committed one both", async () => {
    await createWorld(db);
    const order = await createOrder(db, { status: "DELIVERED", placedAt: new Date(T0.getTime() - 3 * 86_400_000) });
    const checked = await checkUploads([photo([1, 2, 3])]);
    if (!checked.ok) throw new Error(checked.message.key);
    const sha = checked.uploads[0]!.sha256;
    const now = new Date(T0.getTime() + 2 * 86_400_000);
    const command = { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Cracked.", photoCount: 1 } as const;

    // Refused (a stale version): attach never runs, nothing is placed, the staged file is gone.
    const refused = await stageEvidence(checked.uploads);
    const stale = await runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 999, command, attach: refused.attach }, now);
    expect(stale.ok).toBe(false);
    await refused.settle(stale.ok);
    expect(existsSync(uploadPath(sha))).toBe(false);
    expect(readdirSync(uploadsDir()).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const version = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).version;
    const accepted = await stageEvidence(checked.uploads);
    const result = await runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: version, command, attach: accepted.attach }, now);
    expect(result.ok).toBe(true);
    // Committed, not yet placed: the file comes only with settle.
    expect(existsSync(uploadPath(sha))).toBe(false);
    await accepted.settle(result.ok);
    expect(existsSync(uploadPath(sha))).toBe(true);
    expect(await db.evidence.count({ where: { orderId: order.id, sha256: sha } })).toBe(1);
    expect(await checkUploadFiles(db)).toEqual({ orphans: [], missing: [], stranded: [] });
  });

  it("db:check names a file no row refers to, and a row whose file is gone", async () => {
    const orphan = "ab".repeat(32);
    writeFileSync(uploadPath(orphan), "left behind");
    const row = await db.evidence.findFirstOrThrow({ select: { id: true, sha256: true } });
    rmSync(uploadPath(row.sha256));
    expect(await checkUploadFiles(db)).toEqual({ orphans: [uploadPath(orphan)], missing: [{ evidenceId: row.id, sha256: row.sha256 }], stranded: [] });
  });

  it("a staged photo an interrupted upload left behind (a kill -9 between staging and placing) is reported by db:check and removed at start (issue 26)", async () => {
    const sha = "cd".repeat(32);
    const stranded = `${uploadPath(sha)}.0b7d4c2e-0000-4000-8000-000000000000.tmp`;
    writeFileSync(stranded, "");
    // An upload in flight is not stranded; one a minute old is.
    expect((await checkUploadFiles(db)).stranded).toEqual([]);
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(stranded, old, old);
    expect((await checkUploadFiles(db)).stranded).toEqual([stranded]);
    expect(removeStrandedUploads()).toEqual([stranded.split("/").pop()]);
    expect(existsSync(stranded)).toBe(false);
    expect((await checkUploadFiles(db)).stranded).toEqual([]);
  });
});
