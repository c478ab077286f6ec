import { createContext, use } from 'react';
import type { ResultOf } from '../../graphql/graphql';
import { graphql } from '../../graphql/graphql';

export const OperationHeaderQuery = graphql(`
  query OperationHeader($code: String!) {
    operationByCode(code: $code) {
      id
      code
      name
      phase
      programme
      exercise
      myRole
      referenceTimeZone
    }
  }
`);

export type OperationHeader = NonNullable<ResultOf<typeof OperationHeaderQuery>['operationByCode']>;

export const OperationContext = createContext<OperationHeader | null>(null);

/** The operation whose pages are open: id, code, phase, the viewer's role in it, its reference zone. */
export function useOperation(): OperationHeader {
  const operation = use(OperationContext);
  if (!operation) throw new Error('useOperation must be used inside the operation layout');
  return operation;
}

/** Coordinators plan; reviewers and coordinators read the audit trail. */
export const isCoordinator = (operation: OperationHeader): boolean => operation.myRole === 'COORDINATOR';
export const readsAuditTrail = (operation: OperationHeader): boolean =>
  operation.myRole === 'COORDINATOR' || operation.myRole === 'REVIEWER';
export const isOpen = (operation: OperationHeader): boolean => operation.phase !== 'CLOSED' && operation.phase !== 'CANCELLED';
