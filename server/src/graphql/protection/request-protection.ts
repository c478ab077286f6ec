import type { Plugin } from 'graphql-yoga';
import { apiResponseHeaders } from '../../http/security-headers';
import type { AppDeps } from '../../service-context';
import { useCsrfPrevention } from './csrf';
import { useMutationRate } from './mutation-rate';
import { useQueryCost } from './query-cost';
import { useQueryLimits } from './query-limits';
import { MAX_REQUEST_BODY_BYTES, useRequestBodyLimit } from './request-body-limit';
import { useSchemaHidden } from './schema-exposure';
import { useTimeBudget } from './time-budget';
import { memoryTokenBucket, redisTokenBucket } from './token-bucket';

const useApiResponseHeaders = (): Plugin => ({
  onResponse({ response }) {
    for (const [name, value] of Object.entries(apiResponseHeaders(response.headers.get('content-type')))) response.headers.set(name, value);
  },
});

/**
 * yoga's plugins that guard the API, in the order they must run: a forged request is refused
 * before it is read; a document over a limit before it runs; a too costly one before it takes
 * from the person's rate, so a refused query costs them nothing.
 */
export function requestProtection(deps: AppDeps) {
  const { config, clock, logger } = deps;
  const bucket = config.redisUrl
    ? redisTokenBucket(config.mutationRate, clock, config.redisUrl, `${config.redisChannelPrefix}mutation-rate:`, logger)
    : memoryTokenBucket(config.mutationRate, clock);
  const plugins: Plugin[] = [
    useCsrfPrevention(),
    useRequestBodyLimit(MAX_REQUEST_BODY_BYTES),
    useApiResponseHeaders(),
    ...useQueryLimits(config.queryLimits),
    ...(config.exposeSchema ? [] : [useSchemaHidden()]),
    useQueryCost(config.queryLimits),
    useMutationRate(bucket) as Plugin,
    useTimeBudget(config.requestTimeBudgetMs),
  ];
  return { plugins, close: () => bucket.close() };
}
