import { Redis } from 'ioredis';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';

// A token bucket per key: `burst` tokens at most, refilled at `perMinute`. Time is the app's clock
// (tests move it); a process whose clock lags another's sees no refill rather than a negative one.

export interface BucketRules {
  perMinute: number;
  burst: number;
}

export interface TokenBucket {
  /**
   * Takes `count` tokens if there are that many; otherwise none, and how long until there are.
   * More than `burst` at once are never there: such a request is always refused.
   */
  take(key: string, count: number): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
  close(): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
}

function refill(bucket: Bucket | undefined, rules: BucketRules, now: number): Bucket {
  if (!bucket) return { tokens: rules.burst, at: now };
  const elapsed = Math.max(0, now - bucket.at);
  return { tokens: Math.min(rules.burst, bucket.tokens + (elapsed * rules.perMinute) / 60_000), at: Math.max(now, bucket.at) };
}

const retryAfter = (missing: number, rules: BucketRules) => Math.ceil((missing * 60_000) / rules.perMinute);

/** One process's buckets; the full ones are forgotten, since a missing bucket is a full one. */
export function memoryTokenBucket(rules: BucketRules, clock: Clock): TokenBucket {
  const buckets = new Map<string, Bucket>();
  return {
    async take(key, count) {
      const now = clock.now().getTime();
      if (buckets.size > 10_000) {
        for (const [other, bucket] of buckets) if (refill(bucket, rules, now).tokens >= rules.burst) buckets.delete(other);
      }
      const bucket = refill(buckets.get(key), rules, now);
      if (bucket.tokens < count) {
        buckets.set(key, bucket);
        return { allowed: false, retryAfterMs: retryAfter(count - bucket.tokens, rules) };
      }
      buckets.set(key, { tokens: bucket.tokens - count, at: bucket.at });
      return { allowed: true };
    },
    async close() {},
  };
}

// The same arithmetic in one Lua script, so that two processes taking from one bucket at once
// cannot both spend its last token. The key expires once the bucket would be full again.
const TAKE_SCRIPT = `
local rate = tonumber(ARGV[1]) / 60000
local burst = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
at = math.max(now, at)
local allowed = 0
if tokens >= count then
  tokens = tokens - count
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
if allowed == 1 then return {1, 0} end
return {0, math.ceil((count - tokens) / rate)}
`;

/**
 * Buckets every process shares. While Redis cannot be reached, changes are let through (and
 * logged): a rate limit is not worth refusing every change of every person for.
 */
export function redisTokenBucket(rules: BucketRules, clock: Clock, redisUrl: string, keyPrefix: string, logger: Logger): TokenBucket {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1_000 });
  redis.on('error', () => undefined);
  redis.defineCommand('takeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const takeTokens = (redis as unknown as { takeTokens: (...args: (string | number)[]) => Promise<[number, number]> }).takeTokens.bind(
    redis,
  );
  return {
    async take(key, count) {
      try {
        const [allowed, retryAfterMs] = await takeTokens(`${keyPrefix}${key}`, rules.perMinute, rules.burst, count, clock.now().getTime());
        return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
      } catch (error) {
        logger.warn({ err: error }, 'mutation rate limit unavailable (Redis); change let through');
        return { allowed: true };
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
