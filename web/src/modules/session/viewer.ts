import type { AgencyKind } from '@jointops/shared/domain';
import { gql } from 'urql';

export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  locale: string;
  agency: {
    id: string;
    name: string;
    acronym: string | null;
    countryCode: string | null;
    kind: AgencyKind;
  };
}

export const ViewerFields = gql`
  fragment ViewerFields on User {
    id
    email
    displayName
    isAdmin
    locale
    agency {
      id
      name
      acronym
      countryCode
      kind
    }
  }
`;

// Signing in or out changes who `me` is. Tagging `me` with User lets the login result (which
// contains a User) and logout (which returns only a Boolean, so it carries the tag itself)
// invalidate it in urql's document cache, which then fetches it again.
export const sessionCacheContext = { additionalTypenames: ['User'] };
