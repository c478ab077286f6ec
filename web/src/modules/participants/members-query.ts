import { MEMBER_ROLES, type MemberRole } from '@jointops/shared/domain';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';

// Members and whom the viewer may assign, in one document: both change together (an assignment,
// a removal, a withdrawal) and graphcache refetches them on every event of the operation.
export const MembersQuery = graphql(`
  query OperationMembers($operationId: ID!) {
    operation(id: $operationId) {
      id
      members {
        id
        role
        assignedAt
        user {
          id
          displayName
          email
        }
        agency {
          id
          name
          acronym
          countryCode
        }
      }
      assignableUsers {
        id
        displayName
        email
        agency {
          id
          name
          acronym
          countryCode
        }
      }
    }
  }
`);

type MembersData = NonNullable<ResultOf<typeof MembersQuery>['operation']>;
export type MemberItem = MembersData['members'][number];
export type AssignableUser = MembersData['assignableUsers'][number];

// Assigning a current member gives them another role (one role per person per operation).
export const AssignMemberMutation = graphql(
  `
  mutation AssignMember($input: AssignMemberInput!) {
    assignMember(input: $input) {
      __typename
      ... on OperationMember {
        id
        role
        assignedAt
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

export const RemoveMemberMutation = graphql(
  `
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ... on OperationMember {
        id
        removedAt
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

const CONTACT_POINT_GIVES: readonly MemberRole[] = ['CONTACT_POINT', 'OBSERVER'];

/** The roles the viewer may give (operations.policy.ts): coordinators any, contact points their agency's contact points and observers. */
export function givableRoles(myRole: MemberRole | null | undefined): readonly MemberRole[] {
  if (myRole === 'COORDINATOR') return MEMBER_ROLES;
  if (myRole === 'CONTACT_POINT') return CONTACT_POINT_GIVES;
  return [];
}
