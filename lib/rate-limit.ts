/**
 * Limits per client address (issue 26, docs/decisions/019): one address used to fill the server's
 * 200 private worlds in 28 s (a fresh visitor cookie each time), make 2,000 sessions in a row and
 * send 300 messages in 28 s. Each kind of request has an allowance per address and window, counted
 * by rate-limiter-flexible in memory (a server is one process; a restart forgets the counts). The
 * defaults are generous so that a training room behind one address (a school's NAT: 30–50 people)
 * still works; each is an environment variable.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { m, type Message } from "@/lib/i18n/message";

export const LIMITED_KINDS = ["signin", "world", "join", "message", "command"] as const;
export type LimitedKind = (typeof LIMITED_KINDS)[number];

export interface Limit {
  /** Requests allowed per window. */
  points: number;
  /** The window, in seconds: a minute or an hour. */
  seconds: 60 | 3600;
  /** The environment variable that sets `points`. */
  env: string;
}

function limit(env: string, fallback: number, seconds: 60 | 3600): Limit {
  const value = Number(process.env[env]);
  return { points: Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback, seconds, env };
}

/** Per address: sign-ins, new worlds, joins, messages and every other form (commands, settings, the clock). */
export const LIMITS: Record<LimitedKind, Limit> = {
  signin: limit("LIMIT_SIGNINS_PER_MINUTE", 60, 60),
  world: limit("LIMIT_WORLDS_PER_HOUR", 20, 3600),
  join: limit("LIMIT_JOINS_PER_HOUR", 120, 3600),
  message: limit("LIMIT_MESSAGES_PER_MINUTE", 60, 60),
  command: limit("LIMIT_FORMS_PER_MINUTE", 240, 60),
};

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number; message: Message };

/** The sentence a refused request gets (the proxy's 429 body in the viewer's language, shown by the page that sent the form). */
export function limitSentence(kind: LimitedKind, retryAfterSeconds: number, limits: Record<LimitedKind, Limit> = LIMITS): Message {
  const { points, seconds } = limits[kind];
  const wait = retryAfterSeconds < 90 ? { unit: "seconds", n: retryAfterSeconds } : { unit: "minutes", n: Math.ceil(retryAfterSeconds / 60) };
  return m("errors.tooMany", { what: m(`errors.limited.${kind}`), points, window: seconds === 60 ? "minute" : "hour", ...wait });
}

/** One counter per kind; a key per address. */
export class RateLimits {
  private readonly counters: Record<LimitedKind, RateLimiterMemory>;

  constructor(private readonly limits: Record<LimitedKind, Limit> = LIMITS) {
    this.counters = Object.fromEntries(LIMITED_KINDS.map((kind) => [kind, new RateLimiterMemory({ points: limits[kind].points, duration: limits[kind].seconds })])) as Record<
      LimitedKind,
      RateLimiterMemory
    >;
  }

  /** Takes one request of `kind` from `address`'s allowance. */
  async take(kind: LimitedKind, address: string): Promise<Taken> {
    try {
      await this.counters[kind].consume(address);
      return { ok: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      return { ok: false, retryAfterSeconds, message: limitSentence(kind, retryAfterSeconds, this.limits) };
    }
  }
}
