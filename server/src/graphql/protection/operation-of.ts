import { Kind, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** The operation a request runs: the one named, or the only one. */
export function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (definition: DefinitionNode): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
}
