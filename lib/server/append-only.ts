/**
 * The triggers that make the audit trail, the ledger, dispute statements and conversations append-only
 * (created by the init migration; ChatMessage's by the conversations migration). The demo reset drops them for a moment to empty the tables, then puts them back.
 */
export const APPEND_ONLY_TABLES = ["OrderEvent", "LedgerEntry", "DisputeStatement", "ChatMessage"] as const;

export function appendOnlyTriggers(): { name: string; create: string }[] {
  return APPEND_ONLY_TABLES.flatMap((table) =>
    (["UPDATE", "DELETE"] as const).map((verb) => ({
      name: `${table}_no_${verb.toLowerCase()}`,
      create: `CREATE TRIGGER "${table}_no_${verb.toLowerCase()}" BEFORE ${verb} ON "${table}" BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`,
    })),
  );
}
