import { useIntl } from 'react-intl';
import { say } from '../../i18n/problems';
import type { Refusal } from './alert-refusals';

/**
 * A refusal's words for the whole form: its problem, and the problems of fields the form has no
 * control for (`shown` lists those it has), so nothing the server said is lost.
 */
export function FormProblem({ refusal, shown = [] }: { refusal: Refusal | null; shown?: readonly string[] }) {
  const intl = useIntl();
  const others = Object.entries(refusal?.fields ?? {}).filter(([field]) => !shown.includes(field));
  if (!refusal?.problem && others.length === 0) return null;
  return (
    <div className="form-error" role="alert">
      {refusal?.problem && <p>{say(intl, refusal.problem)}</p>}
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
