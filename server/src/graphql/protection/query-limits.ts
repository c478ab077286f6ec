import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '@jointops/shared/errors';
import type { Config } from '../../env';

// What one document may ask for, checked before anything runs and alike on HTTP, SSE and
// WebSocket (the socket layer parses and validates through yoga's envelop too). The web app's
// own documents stay well inside (test/integration/query-limits.test.ts measures them).

export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'parser';

const MESSAGES: Record<QueryLimit, string> = {
  depth: 'The query is nested too deeply.',
  aliases: 'The query uses too many aliases.',
  directives: 'The query uses too many directives.',
  tokens: 'The query is too long.',
  cost: 'The query asks for too much at once: ask for fewer items per page or fewer nested lists.',
  parser: 'The query could not be read.',
};

/** A refusal naming the limit, with the allowance (and what was found, when measured). */
export function queryLimitError(limit: QueryLimit, max: number | null, found: number | null = null): GraphQLError {
  return new GraphQLError(MESSAGES[limit], {
    extensions: { code: ERROR_CODES.QUERY_LIMIT, limit, ...(max === null ? {} : { max }), ...(found === null ? {} : { found }) },
  });
}

/** graphql-armor's message ends "…exceeded, found N."; the count goes into extensions. */
const foundIn = (error: GraphQLError): number | null => {
  const match = /found (\d+(?:\.\d+)?)/.exec(error.message);
  return match ? Number(match[1]) : null;
};

/** Armor's rules, made to report a typed error through validation instead of throwing out of it. */
function reporting(limit: QueryLimit, max: number) {
  return {
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(queryLimitError(limit, max, foundIn(error))),
    ],
  };
}

export function queryLimitRules(limits: Config['queryLimits']): ValidationRule[] {
  return [
    // A fragment adds no level of resolution, so it adds no depth. Introspection's own nesting
    // (ofType { ofType { … } }) is not counted: introspection is off in production.
    maxDepthRule({ ...reporting('depth', limits.maxDepth), flattenFragments: true, ignoreIntrospection: true }),
    maxAliasesRule(reporting('aliases', limits.maxAliases)),
    maxDirectivesRule(reporting('directives', limits.maxDirectives)),
  ] as ValidationRule[];
}

/**
 * The token limit stops the parser itself, before a document nested thousands of levels deep can
 * exhaust the stack; any other failure of the parser (a RangeError, say) is masked as a typed
 * refusal, so no transport ever answers with the engine's own words.
 */
export function useQueryLimits(limits: Config['queryLimits']): Plugin[] {
  const tokens = maxTokensPlugin({
    n: limits.maxTokens,
    onReject: [
      () => {
        throw queryLimitError('tokens', limits.maxTokens);
      },
    ],
  }) as Plugin;
  const rules = queryLimitRules(limits);
  return [
    tokens,
    {
      onParse:
        () =>
        ({ result, replaceParseResult }) => {
          if (result instanceof Error && !(result instanceof GraphQLError)) replaceParseResult(queryLimitError('parser', null));
        },
      onValidate: ({ addValidationRule }) => {
        for (const rule of rules) addValidationRule(rule);
      },
    },
  ];
}
