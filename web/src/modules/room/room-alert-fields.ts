import { graphql, type ResultOf } from '../../graphql/graphql';

const RoomAgencyFields = graphql(`
  fragment RoomAgency on Agency {
    id
    name
    acronym
    countryCode
  }
`);

/** What a row of the room's feed shows of an alert; the stream's alert events carry the same, so a row is patched in place. */
export const RoomAlertFields = graphql(
  `
    fragment RoomAlert on Alert {
      id
      reference
      title
      severity
      category
      marking
      distribution
      outcome
      raisedAt
      withdrawnAt
      raisedByAgency {
        ...RoomAgency
      }
      recipients {
        dueAt
        acknowledgedAt
        overdue
        agency {
          ...RoomAgency
        }
        feedback {
          outcome
        }
      }
    }
  `,
  [RoomAgencyFields],
);

export type RoomAlert = ResultOf<typeof RoomAlertFields>;
