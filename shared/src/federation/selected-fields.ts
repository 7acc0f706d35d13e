import {
  Kind,
  TypeInfo,
  isAbstractType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';

// Apollo Server keeps one parsed document per distinct query, so the walk runs once per operation, not per request.
const cache = new WeakMap<OperationDefinitionNode, Map<string, ReadonlySet<string>>>();

/**
 * Every field name the request's operation selects on objects of type `typeName`, anywhere in it (through
 * fragments and interfaces too). The same set for every resolver of one request, so loaders keyed by it batch.
 */
export function selectedFields(info: GraphQLResolveInfo, typeName: string): ReadonlySet<string> {
  let byType = cache.get(info.operation);
  if (!byType) {
    byType = new Map();
    cache.set(info.operation, byType);
  }
  let fields = byType.get(typeName);
  if (!fields) {
    fields = collectFields(info, typeName);
    byType.set(typeName, fields);
  }
  return fields;
}

function collectFields(info: GraphQLResolveInfo, typeName: string): ReadonlySet<string> {
  const target = info.schema.getType(typeName);
  const fields = new Set<string>();
  if (!target) return fields;
  const typeInfo = new TypeInfo(info.schema);
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [info.operation, ...Object.values(info.fragments)],
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const onTarget =
          parent === target ||
          (parent !== null && isAbstractType(parent) && info.schema.isSubType(parent, target as never));
        if (onTarget) fields.add(node.name.value);
      },
    }),
  );
  return fields;
}
