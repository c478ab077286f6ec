import { advancePhaseInput } from '@jointops/shared/operations';
import type { Phase } from '@jointops/shared/domain';
import { useIntl } from 'react-intl';
import { useMutation, type CombinedError } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { phaseWords } from '../../i18n/codes';
import { describeError, problemsByField, problemWords, type Problem } from '../../i18n/problems';

// `id phase` in the result rewrites the Operation entity in the cache, so the phase badge of the
// layout and every list showing the operation change at once; lib/urql.ts then drops the gate,
// the planned phases and the timeline so their screens ask again.
const AdvancePhaseMutation = graphql(
  `
  mutation AdvancePhase($input: AdvancePhaseInput!) {
    advancePhase(input: $input) {
      __typename
      ... on Operation {
        id
        phase
      }
      ...MutationProblem
      ... on PhaseGateError {
        unmetCriteria {
          key
          agencies
          phases
          count
        }
      }
    }
  }
`,
  [MutationProblemFields],
);

export type UnmetCriterion = Extract<
  ResultOf<typeof AdvancePhaseMutation>['advancePhase'],
  { __typename: 'PhaseGateError' }
>['unmetCriteria'][number];

/** How an attempt to move the operation ended, for the form that made it. */
export type AdvanceOutcome =
  | { kind: 'advanced'; phase: Phase }
  /** Refused in the browser or by the server: the problem belongs to the justification field. */
  | { kind: 'justification'; problem: Problem }
  /** The gate closed between reading it and asking (someone withdrew, a report came in). */
  | { kind: 'gate'; unmet: UnmetCriterion[] }
  | { kind: 'problem'; problem: Problem };

/** A request that got no typed answer: the link, a refused permission, or the server failing. */
export function problemOfRequest(error: CombinedError | undefined): Problem {
  if (!error || error.networkError) return { message: problemWords.serverUnreachable };
  const code = error.graphQLErrors[0]?.extensions?.code;
  const known = typeof code === 'string' ? problemWords[code as keyof typeof problemWords] : undefined;
  return { message: known ?? problemWords.unexpected };
}

/** Moves the operation to `to`, with a justification when overriding (or cancelling). */
export function useAdvancePhase(operationId: string) {
  const intl = useIntl();
  const [{ fetching }, advancePhase] = useMutation(AdvancePhaseMutation);

  async function advance(to: Phase, justification: string | null): Promise<AdvanceOutcome> {
    // The same schema as the server's: a justification it would refuse is never sent.
    const parsed = advancePhaseInput.safeParse({ operationId, to, overrideJustification: justification });
    if (!parsed.success) {
      const problems = problemsByField(parsed.error.issues);
      return problems.overrideJustification
        ? { kind: 'justification', problem: problems.overrideJustification }
        : { kind: 'problem', problem: { message: problemWords.invalid } };
    }
    const { data, error } = await advancePhase({
      input: { operationId, to, overrideJustification: parsed.data.overrideJustification },
    });
    const outcome = data?.advancePhase;
    if (!outcome) return { kind: 'problem', problem: problemOfRequest(error) };
    switch (outcome.__typename) {
      case 'Operation':
        return { kind: 'advanced', phase: outcome.phase };
      case 'PhaseGateError':
        return { kind: 'gate', unmet: outcome.unmetCriteria };
      case 'ValidationError': {
        const problems = problemsByField(outcome.fieldErrors);
        if (problems.overrideJustification) return { kind: 'justification', problem: problems.overrideJustification };
        return { kind: 'problem', problem: Object.values(problems)[0] ?? describeError(outcome) };
      }
      case 'PhaseRuleError':
        return { kind: 'problem', problem: describeError(outcome, intl.formatMessage(phaseWords[outcome.phase])) };
      default:
        return { kind: 'problem', problem: describeError(outcome) };
    }
  }

  return { advance, sending: fetching };
}
