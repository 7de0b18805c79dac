// The key Next derives server-action ids from (and encrypts their bound arguments with). Next makes a
// new one for each build unless NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is set, so a rebuild would leave
// open tabs calling actions that no longer exist ("Failed to find Server Action"). Kept in
// data/action-key (mode 600), made on first use; the environment variable wins when set.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export function actionKey(file = resolve(import.meta.dirname, "../data/action-key")) {
  if (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64") + "\n", { flag: "wx", mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}
