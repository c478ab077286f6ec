import type { ProblemParams, RuleKey, RuleProblem } from './problems';

/**
 * A refinement's refusal with its key, for `ctx.addIssue({ …, ...keyed('KEY') })` or
 * `.refine(check, { error, ...keyed('KEY') })`: problemOf reads it back. Apart from problems.ts,
 * which reads the refinements' sentences, so that the schemas can import it.
 */
export const keyed = (key: RuleKey, params: ProblemParams = {}) => ({ params: { problem: { key, ...params } satisfies RuleProblem } });
