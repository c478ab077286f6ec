import { PASSWORD_MIN_LENGTH, resetUserPasswordInput } from '@jointops/shared/accounts';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { defineMessages } from '../../i18n/define-messages';
import { problemsByField, type FieldProblems, type Problem } from '../../i18n/problems';
import { TextField } from '../../ui/fields';
import { ModalQuestion } from '../../ui/modal-question';
import { adminWords } from './admin-words';
import { refusalOf } from './refusals';
import type { AdminUser } from './user-form';

const words = defineMessages({
  title: { id: 'admin.resetPassword.title', defaultMessage: 'Reset the password of {name}' },
  explanation: {
    id: 'admin.resetPassword.explanation',
    defaultMessage: 'Their sessions end at once on every device: they sign in again with the new password.',
  },
  newPassword: { id: 'admin.resetPassword.newPassword', defaultMessage: 'New password' },
  submit: { id: 'admin.resetPassword.submit', defaultMessage: 'Set new password' },
});

const ResetUserPasswordMutation = graphql(
  `
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      __typename
      ... on User {
        id
        mustChangePassword
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

interface ResetPasswordDialogProps {
  user: AdminUser;
  onDone(): void;
  onClose(): void;
}

/** An administrator sets a new password for someone locked out; their sessions end with the old one. */
export function ResetPasswordDialog({ user, onDone, onClose }: ResetPasswordDialogProps) {
  const intl = useIntl();
  const [newPassword, setNewPassword] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ fetching }, resetPassword] = useMutation(ResetUserPasswordMutation);

  async function submit() {
    const parsed = resetUserPasswordInput.safeParse({ userId: user.id, newPassword });
    setProblem(null);
    if (!parsed.success) return setFieldProblems(problemsByField(parsed.error.issues));
    setFieldProblems({});
    const { data, error } = await resetPassword({ input: parsed.data });
    const result = data?.resetUserPassword;
    if (result?.__typename === 'User') return onDone();
    const refusal = refusalOf(error, result, ['newPassword']);
    setFieldProblems(refusal.fields);
    setProblem(refusal.problem);
  }

  return (
    <ModalQuestion
      className="admin-dialog"
      title={intl.formatMessage(words.title, { name: user.displayName })}
      submitLabel={intl.formatMessage(words.submit)}
      busyLabel={intl.formatMessage(adminWords.saving)}
      busy={fetching}
      problem={problem}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <p>
        <FormattedMessage {...words.explanation} />
      </p>
      <TextField
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={intl.formatMessage(words.newPassword)}
        hint={intl.formatMessage(adminWords.passwordRules, { minimum: PASSWORD_MIN_LENGTH })}
        problem={fieldProblems.newPassword}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
    </ModalQuestion>
  );
}
