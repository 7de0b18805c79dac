/** What a command is called on its button, and who may send it, as messages (lib/i18n). */
import { m, type Message } from "../i18n/message";
import type { CommandType } from "./commands";
import { ROLE_NOUNS, type Role } from "./model";

/** "Only the seller can do this." / "Only the buyer or the seller can do this." */
export function onlyRoles(roles: readonly Role[]): Message {
  const [first, second] = roles.map((role) => ROLE_NOUNS[role]);
  return second ? m("engine.machine.onlyTwoRoles", { first: first!, second }) : m("engine.machine.onlyRole", { role: first! });
}

/** What a person sees on a command's button: `engine.command.<TYPE>`. */
export function commandLabel(type: CommandType): Message {
  return m(`engine.command.${type}`);
}

