import { graphql, type ResultOf } from '../../graphql/graphql';

export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    email
    displayName
    isAdmin
    mustChangePassword
    locale
    timeZone
    agency {
      id
      name
      acronym
      countryCode
      kind
    }
  }
`);

export const MeQuery = graphql(
  `
    query Me {
      me {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

export type Viewer = NonNullable<ResultOf<typeof MeQuery>['me']>;
