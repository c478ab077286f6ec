import { createOperationInput, updateOperationInput } from '@jointops/shared/operations';
import { Link, useNavigate } from '@tanstack/react-router';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { describeError, problemWords } from '../../i18n/problems';
import { NotFoundPage } from '../../shell/not-found-page';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { isCoordinator, isOpen, useOperation } from './operation-context';
import { OperationForm, type Refusal } from './operation-form';
import {
  changesSomething,
  createOperationRequest,
  emptyOperationValues,
  operationValues,
  problemsOfIssues,
  updateOperationRequest,
  type OperationFormValues,
  type PreparedInput,
} from './operation-form-values';

const words = defineMessages({
  newTitle: { id: 'operations.new.title', defaultMessage: 'New operation' },
  newIntro: {
    id: 'operations.new.intro',
    defaultMessage:
      'Your agency coordinates the operations you create, and you are their first coordinator. Invite the other agencies from the operation’s Participants page.',
  },
  editTitle: { id: 'operations.edit.title', defaultMessage: 'Edit the plan' },
  cancel: { id: 'operations.form.cancel', defaultMessage: 'Cancel' },
});

const CreateOperationMutation = graphql(
  `
  mutation CreateOperation($input: CreateOperationInput!) {
    createOperation(input: $input) {
      __typename
      ... on Operation {
        id
        code
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

/** The plan the form edits, as the update answers it and the form loads it. */
const OperationPlanFields = graphql(`
  fragment OperationPlanFields on Operation {
    name
    objectives
    region
    referenceTimeZone
    targetCommodities {
      id
    }
    plannedPhases {
      phase
      plannedStartsAt
      plannedEndsAt
    }
    acknowledgementDeadlines {
      severity
      minutes
    }
  }
`);

const UpdateOperationMutation = graphql(
  `
  mutation UpdateOperation($input: UpdateOperationInput!) {
    updateOperation(input: $input) {
      __typename
      ... on Operation {
        id
        code
        ...OperationPlanFields
      }
      ...MutationProblem
    }
  }
`,
  [OperationPlanFields, MutationProblemFields],
);

const OperationPlanQuery = graphql(
  `
  query OperationPlan($id: ID!) {
    operation(id: $id) {
      id
      programme
      exercise
      catalogueVersion
      ...OperationPlanFields
    }
  }
`,
  [OperationPlanFields],
);

/** A request that never reached a typed answer: no link, or a refusal such as FORBIDDEN. */
function refusalOfError(error: CombinedError): Refusal {
  if (error.networkError) return { problem: { message: problemWords.serverUnreachable } };
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions.code === 'string' ? first.extensions.code : 'UNEXPECTED';
  return { problem: describeError({ code, message: first?.message ?? '' }) };
}

/** Checks a prepared request with the shared schema: the same words the server would answer. */
function browserRefusal<Input>(
  prepared: PreparedInput<Input>,
  schema: typeof createOperationInput | typeof updateOperationInput,
): Refusal | null {
  const parsed = schema.safeParse(prepared.input);
  const issues = [...prepared.issues, ...(parsed.success ? [] : parsed.error.issues)].map(prepared.toField);
  return issues.length ? { fields: problemsOfIssues(issues) } : null;
}

type MutationAnswer =
  | ResultOf<typeof CreateOperationMutation>['createOperation']
  | ResultOf<typeof UpdateOperationMutation>['updateOperation']
  | undefined;

/** A typed refusal of the mutation, at its fields where it names them. */
function serverRefusal<Input>(intl: IntlShape, prepared: PreparedInput<Input>, answer: MutationAnswer): Refusal | null {
  if (!answer || answer.__typename === 'Operation') return null;
  if (answer.__typename === 'ValidationError') return { fields: problemsOfIssues(answer.fieldErrors.map(prepared.toField)) };
  const phase = answer.__typename === 'PhaseRuleError' ? intl.formatMessage(phaseWords[answer.phase]) : undefined;
  return { problem: describeError({ code: answer.code, message: answer.message }, phase) };
}

export function CreateOperationPage() {
  const intl = useIntl();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const [, createOperation] = useMutation(CreateOperationMutation);
  useDocumentTitle(intl.formatMessage(words.newTitle));

  const submit = async (values: OperationFormValues): Promise<Refusal | null> => {
    const prepared = createOperationRequest(values);
    const refused = browserRefusal(prepared, createOperationInput);
    if (refused) return refused;
    const result = await createOperation({ input: prepared.input });
    if (result.error) return refusalOfError(result.error);
    const answer = result.data?.createOperation;
    const refusal = serverRefusal(intl, prepared, answer);
    if (refusal) return refusal;
    if (answer?.__typename === 'Operation') await navigate({ to: '/operations/$code', params: { code: answer.code } });
    return null;
  };

  return (
    <>
      <div className="page-header">
        <h1>
          <FormattedMessage {...words.newTitle} />
        </h1>
        <p className="muted page-intro">
          <FormattedMessage {...words.newIntro} />
        </p>
      </div>
      <OperationForm
        mode="create"
        initialValues={emptyOperationValues(timeZone)}
        onSubmit={submit}
        cancel={
          <Link to="/operations" className="button">
            <FormattedMessage {...words.cancel} />
          </Link>
        }
      />
    </>
  );
}

export function EditOperationPage() {
  const operation = useOperation();
  if (!isCoordinator(operation) || !isOpen(operation)) return <NotFoundPage />;
  return <EditPlan operationId={operation.id} code={operation.code} />;
}

function EditPlan({ operationId, code }: { operationId: string; code: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OperationPlanQuery, variables: { id: operationId } });
  const [, updateOperation] = useMutation(UpdateOperationMutation);
  useDocumentTitle(intl.formatMessage(words.editTitle), code);

  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const plan = data?.operation;
  if (!plan) return <NotFoundPage />;

  const toOverview = () => navigate({ to: '/operations/$code', params: { code } });
  const submit = async (values: OperationFormValues): Promise<Refusal | null> => {
    // Compared with the plan as it is now: a colleague's change meanwhile is not undone unseen.
    const prepared = updateOperationRequest(values, plan);
    const refused = browserRefusal(prepared, updateOperationInput);
    if (refused) return refused;
    if (!changesSomething(prepared.input)) {
      await toOverview();
      return null;
    }
    const result = await updateOperation({ input: prepared.input });
    if (result.error) return refusalOfError(result.error);
    const refusal = serverRefusal(intl, prepared, result.data?.updateOperation);
    if (refusal) return refusal;
    await toOverview();
    return null;
  };

  return (
    <section aria-labelledby="edit-plan-heading">
      <h2 id="edit-plan-heading">
        <FormattedMessage {...words.editTitle} />
      </h2>
      <OperationForm
        key={plan.id}
        mode="edit"
        initialValues={operationValues(plan)}
        catalogueVersion={plan.catalogueVersion}
        onSubmit={submit}
        cancel={
          <Link to="/operations/$code" params={{ code }} className="button">
            <FormattedMessage {...words.cancel} />
          </Link>
        }
      />
    </section>
  );
}
