/**
 * Ids for the rows commands append (events, ledger postings, notifications, deadlines, refunds,
 * payments, orders and their items): time-ordered UUIDv7 (RFC 9562) from the `uuid` library, so
 * each insert lands at the right-hand end of its primary-key B-tree instead of on a random page
 * (issue 32, docs/decisions/027). Their time is the machine's, not the world's: an id orders
 * inserts, it says nothing about when anything happened in the simulation.
 */
import { v7 } from "uuid";

export const rowId = (): string => v7();
