/**
 * Limits per client address (issue 26): one address used to fill the server's 200 private worlds in
 * 28 s (a fresh visitor cookie each time), make 2,000 sessions in a row and send 300 messages in
 * 28 s. Each kind of request has a token bucket per address: a burst, then a steady rate. The
 * defaults are generous so that a training room behind one address (a school's NAT: 30–50 people)
 * still works; each can be changed by its environment variable. Pure: the caller passes the time.
 */
export const LIMITED_KINDS = ["signin", "world", "join", "message", "command"] as const;
export type LimitedKind = (typeof LIMITED_KINDS)[number];

export interface Limit {
  /** Requests allowed at once. */
  burst: number;
  /** Requests allowed per `perSeconds` once the burst is used. */
  rate: number;
  perSeconds: number;
  /** The environment variable that sets `rate` (and the burst with it). */
  env: string;
  /** What the sentence calls these requests. */
  noun: string;
}

const setting = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

function limit(env: string, fallback: number, perSeconds: number, noun: string): Limit {
  const rate = setting(env, fallback);
  return { burst: rate, rate, perSeconds, env, noun };
}

/** Per address: sign-ins, new worlds, joins, messages and every other form (commands, settings). */
export const LIMITS: Record<LimitedKind, Limit> = {
  signin: limit("LIMIT_SIGNINS_PER_MINUTE", 60, 60, "sign-ins"),
  world: limit("LIMIT_WORLDS_PER_HOUR", 20, 3600, "new worlds"),
  join: limit("LIMIT_JOINS_PER_HOUR", 120, 3600, "joins"),
  message: limit("LIMIT_MESSAGES_PER_MINUTE", 60, 60, "messages"),
  command: limit("LIMIT_FORMS_PER_MINUTE", 240, 60, "forms sent"),
};

interface Bucket {
  tokens: number;
  at: number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

function wait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Token buckets in memory, one per kind and address (a server is one process; a restart forgets them). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: Record<LimitedKind, Limit> = LIMITS,
    /** Beyond this many buckets, full ones are forgotten (they say nothing a new bucket would not). */
    private readonly maxBuckets = 50_000,
  ) {}

  take(kind: LimitedKind, address: string, nowMs: number): Taken {
    const limit = this.limits[kind];
    const perMs = limit.rate / (limit.perSeconds * 1000);
    const key = `${kind} ${address}`;
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
    const tokens = Math.min(limit.burst, bucket.tokens + Math.max(0, nowMs - bucket.at) * perMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
      if (this.buckets.size > this.maxBuckets) this.forgetFull(nowMs);
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: nowMs });
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    return {
      ok: false,
      retryAfterSeconds,
      message: `Too many ${limit.noun} from your network: at most ${limit.rate} ${limit.perSeconds === 60 ? "a minute" : "an hour"}. Try again in ${wait(retryAfterSeconds)}.`,
    };
  }

  private forgetFull(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      const kind = key.slice(0, key.indexOf(" ")) as LimitedKind;
      const limit = this.limits[kind];
      if (bucket.tokens + (nowMs - bucket.at) * (limit.rate / (limit.perSeconds * 1000)) >= limit.burst) this.buckets.delete(key);
    }
  }
}
