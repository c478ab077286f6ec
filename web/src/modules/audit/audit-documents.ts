import { graphql, type ResultOf } from '../../graphql/graphql';

/** One page of the operation's audit trail, newest first; `after` pages back in time. */
export const AuditTrailQuery = graphql(`
  query OperationAuditTrail($operationId: ID!, $after: String) {
    operation(id: $operationId) {
      id
      auditTrail(first: 50, after: $after) {
        edges {
          cursor
          node {
            occurredAt
            action
            targetType
            targetId
            outcome
            reason
            requestId
            sourceAddress
            details
            actor {
              id
              displayName
            }
            actorAgency {
              id
              name
              acronym
              countryCode
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export type AuditEntry = NonNullable<ResultOf<typeof AuditTrailQuery>['operation']>['auditTrail']['edges'][number]['node'];
