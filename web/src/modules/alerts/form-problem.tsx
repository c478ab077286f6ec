import { useIntl } from 'react-intl';
import { problemWords } from '../../i18n/problem-words';
import { say } from '../../i18n/say';
import type { Refusal } from './alert-refusals';

/**
 * A refusal's words for the whole form: its problem (or, for problems at fields, where to look),
 * and the problems of fields the form has no control for (`shown` lists those it has), so nothing
 * the server said is lost.
 */
export function FormProblem({ refusal, shown = [] }: { refusal: Refusal | null; shown?: readonly string[] }) {
  const intl = useIntl();
  const fields = Object.entries(refusal?.fields ?? {});
  const others = fields.filter(([field]) => !shown.includes(field));
  const problem = refusal?.problem ?? (fields.length > 0 ? { message: problemWords.VALIDATION } : null);
  if (!problem) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1}>
      <p>{say(intl, problem)}</p>
      {others.length > 0 && (
        <ul>
          {others.map(([field, problem]) => (
            <li key={field}>{say(intl, problem)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
