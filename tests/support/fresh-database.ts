// Runs before each test file: copies the migrated template to a database of the file's own and
// points DATABASE_URL at it, before any module opens a connection.
import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import { resolve } from "node:path";

const dir = resolve(import.meta.dirname, "../../data/test");
const id = randomUUID();
const file = resolve(dir, `${id}.db`);
copyFileSync(resolve(dir, "template.db"), file);
process.env.DATABASE_URL = `file:${file}`;
// Evidence photos go to a folder of the file's own, too.
process.env.UPLOADS_DIR = resolve(dir, `uploads-${id}`);
