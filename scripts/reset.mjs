// Deletes the database file (and its WAL files) so that db:migrate and db:seed start over.
import { rmSync } from "node:fs";

const url = process.env.DATABASE_URL || "file:./data/app.db";
const file = url.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
console.log(`Removed ${file}`);
