import { useState } from 'react';
import type { CombinedError } from 'urql';
import { problemsByField, type FieldIssue, type FieldProblems, type Problem } from '../../i18n/problems';
import { refusalOf, type RefusedResult } from '../participants/refusals';

// A register form's state after a write: the browser's check by field, or the server's refusal,
// or what was recorded (worded by the form).

export interface RecordState<Recorded> {
  fields: FieldProblems;
  problem: Problem | null;
  recorded: Recorded | null;
}

export function useRecordState<Recorded>() {
  const [state, setState] = useState<RecordState<Recorded>>({ fields: {}, problem: null, recorded: null });
  return {
    state,
    refusedInBrowser: (issues: readonly FieldIssue[]) => setState({ fields: problemsByField(issues), problem: null, recorded: null }),
    /** The server's answer: true when the figure was recorded. */
    answered(error: CombinedError | undefined, result: RefusedResult | null | undefined, recorded: Recorded): boolean {
      const problem = refusalOf(error, result);
      const fields = result?.__typename === 'ValidationError' ? problemsByField(result.fieldErrors ?? []) : {};
      setState({ fields, problem, recorded: problem ? null : recorded });
      return !problem;
    },
  };
}
