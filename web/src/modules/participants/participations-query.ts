import { PARTICIPATION_STATUSES, type ParticipationStatus } from '@jointops/shared/domain';
import { graphql, type ResultOf } from '../../graphql/graphql';

// One document for the agencies taking part, read by the list and by the invite directory (which
// marks the agencies already invited): urql asks once, and graphcache refetches it whenever an
// event or an invitation drops the operation's participations.
export const ParticipationsQuery = graphql(`
  query OperationParticipations($operationId: ID!) {
    operation(id: $operationId) {
      id
      participations {
        id
        status
        role
        invitedAt
        respondedAt
        readinessAcknowledgedAt
        agency {
          id
          name
          acronym
          countryCode
          kind
        }
        contactPoints {
          id
          displayName
        }
      }
    }
  }
`);

export type ParticipationItem = NonNullable<ResultOf<typeof ParticipationsQuery>['operation']>['participations'][number];

/** The API gives the status as a string; anything unexpected reads as withdrawn, the state that offers nothing. */
export const statusOf = (participation: { status: string }): ParticipationStatus =>
  PARTICIPATION_STATUSES.find((status) => status === participation.status) ?? 'WITHDRAWN';

/** An agency may be invited again once it declined or was withdrawn (participations.service.ts). */
export const isInvitable = (status: ParticipationStatus | undefined): boolean =>
  status === undefined || status === 'DECLINED' || status === 'WITHDRAWN';
