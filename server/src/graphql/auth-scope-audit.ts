import type { GraphQLObjectType, GraphQLSchema } from 'graphql';

/**
 * Root fields that declare no `authScopes`. Every way into the API must say who may use it, even
 * when the answer is "anyone" (`{ public: true }`): a field that forgot would otherwise be open.
 */
export function rootFieldsWithoutAuthScopes(schema: GraphQLSchema): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (type): type is GraphQLObjectType => !!type,
  );
  return roots.flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => {
        const options = field.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
        return !options?.authScopes;
      })
      .map((field) => `${type.name}.${field.name}`),
  );
}
