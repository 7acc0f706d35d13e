import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Finds a fragment definition of the document by name. */
export type FragmentLookup = (name: string) => FragmentDefinitionNode | null | undefined;

/** What a list field without a `first` argument is assumed to return, in the cost estimate. */
export const DEFAULT_LIST_FACTOR = 10;

/** Largest value a measure reports: counts stop growing there instead of losing precision. */
export const MEASURE_CAP = Number.MAX_SAFE_INTEGER;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** The fragments of a list of definitions, by name. */
export function fragmentsOf(definitions: readonly { kind: Kind }[]): FragmentLookup {
  const byName = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      byName.set(fragment.name.value, fragment);
    }
  }
  return (name) => byName.get(name);
}

/** The most fields on a path from root to leaf (`{ a { b } }` is 2), through fragments and introspection. */
export function operationDepth(operation: OperationDefinitionNode, fragments: FragmentLookup): number {
  // Under `__schema`/`__type` every field counts except `__Type.ofType`: that chain is bounded by the schema's
  // type wrappers, and every introspection query (GraphiQL's too) nests it nine deep.
  const spread = memoizeFragments(fragments, 0, (fragment, variant) =>
    depthOf(fragment.selectionSet, variant === 'introspection'),
  );
  const depthOf = (set: SelectionSetNode, introspection: boolean): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const inside = introspection || INTROSPECTION_ROOTS.has(name);
        const own = introspection && name === 'ofType' ? 0 : 1;
        const below = selection.selectionSet ? depthOf(selection.selectionSet, inside) : 0;
        deepest = Math.max(deepest, own + below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, introspection));
      } else {
        deepest = Math.max(deepest, spread(selection.name.value, introspection ? 'introspection' : ''));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, false);
}

/** The aliased fields of an operation, a fragment's counted once for each place it is spread. */
export function operationAliases(operation: OperationDefinitionNode, fragments: FragmentLookup): number {
  const spread = memoizeFragments(fragments, 0, (fragment) => aliasesOf(fragment.selectionSet));
  const aliasesOf = (set: SelectionSetNode): number => {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        count = add(count, selection.alias ? 1 : 0);
        if (selection.selectionSet) count = add(count, aliasesOf(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count = add(count, aliasesOf(selection.selectionSet));
      } else {
        count = add(count, spread(selection.name.value, ''));
      }
    }
    return count;
  };
  return aliasesOf(operation.selectionSet);
}

/** How the cost of an operation is estimated. */
export interface CostOptions {
  /** What a list field without a `first` argument is assumed to return (default `DEFAULT_LIST_FACTOR`). */
  listFactor?: number;
  /** The request's variables; without them `first: $n` is `$n`'s default, the argument's, or the list factor. */
  variables?: Readonly<Record<string, unknown>> | null;
}

/** The estimated cost: 1 a field (`__typename` free) plus its sub-selection times its multiplier, capped at `MEASURE_CAP`. */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentLookup,
  options: CostOptions = {},
): number {
  // The multiplier: a field with a `first` argument multiplies by it (given, from a variable, or its default); a
  // list field without one by the list factor, except a list right under a `first` page (the page's items).
  // Under `__schema`/`__type` nothing multiplies: the schema is local and finite, and depth bounds it. Fragments
  // on different types all count, an upper bound.
  const listFactor = options.listFactor ?? DEFAULT_LIST_FACTOR;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const spread = memoizeFragments(fragments, 0, (fragment, variant) => {
    const type = schema.getType(fragment.typeCondition.name.value);
    const [paged, introspection] = variant.split('|').map((part) => part === '1');
    return isCompositeType(type) ? costOf(fragment.selectionSet, type, paged, introspection) : 0;
  });
  const multiplier = (field: FieldNode, definition: GraphQLField<unknown, unknown>): number => {
    if (definition.args.some((arg) => arg.name === 'first')) {
      return Math.max(
        1,
        Math.floor(firstArgument(field, definition, operation, options.variables) ?? listFactor),
      );
    }
    return isListType(getNullableType(definition.type)) ? listFactor : 1;
  };
  const costOf = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    paged: boolean,
    introspection: boolean,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (total >= MEASURE_CAP) return MEASURE_CAP;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(type))
          total = add(total, costOf(selection.selectionSet, type, paged, introspection));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total = add(total, spread(selection.name.value, `${paged ? 1 : 0}|${introspection ? 1 : 0}`));
      } else if (selection.name.value !== TypeNameMetaFieldDef.name) {
        // `__typename` is answered from the type already at hand, and Apollo Client and urql add it to every
        // selection: counting it would make the same query cost twice as much from those clients.
        total = add(total, 1);
        const definition = fieldDefinition(schema, parent, selection.name.value);
        const type = definition && getNamedType(definition.type);
        if (!definition || !selection.selectionSet || !isCompositeType(type)) continue;
        const inside = introspection || INTROSPECTION_ROOTS.has(selection.name.value);
        const hasFirst = definition.args.some((arg) => arg.name === 'first');
        const isList = isListType(getNullableType(definition.type));
        const factor = inside || (paged && isList && !hasFirst) ? 1 : multiplier(selection, definition);
        const below = costOf(selection.selectionSet, type, hasFirst && !isList, inside);
        total = add(total, multiply(factor, below));
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, root, false, false);
}

/** A field's `first`: given, from a variable (or the variable's default), or the argument's default. */
function firstArgument(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  operation: OperationDefinitionNode,
  variables: CostOptions['variables'],
): number | undefined {
  const given = field.arguments?.find((arg) => arg.name.value === 'first')?.value;
  if (given?.kind === Kind.INT) return Number(given.value);
  if (given?.kind === Kind.VARIABLE) {
    const name = given.name.value;
    const provided = variables?.[name];
    if (typeof provided === 'number' && Number.isFinite(provided)) return provided;
    const declared = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
    if (provided === undefined && declared?.defaultValue?.kind === Kind.INT) {
      return Number(declared.defaultValue.value);
    }
  }
  const fallback = definition.args.find((arg) => arg.name === 'first')?.defaultValue;
  return typeof fallback === 'number' ? fallback : undefined;
}

/** A field of a composite type by name, the meta fields (`__typename`, `__schema`, `__type`) included. */
function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** A measure of named fragments, once per fragment and variant; a missing or cyclic one is `fallback`. */
function memoizeFragments<T>(
  fragments: FragmentLookup,
  fallback: T,
  measure: (fragment: FragmentDefinitionNode, variant: string) => T,
): (name: string, variant: string) => T {
  // Memoised, so a fragment spread many times (a "fragment bomb") is walked once; a cycle, which validation
  // reports, ends at the fragment being measured instead of looping.
  const done = new Map<string, T>();
  const active = new Set<string>();
  return (name, variant) => {
    const key = `${name}\u0000${variant}`;
    const known = done.get(key);
    if (known !== undefined) return known;
    const fragment = fragments(name);
    if (!fragment || active.has(key)) return fallback;
    active.add(key);
    try {
      const value = measure(fragment, variant);
      done.set(key, value);
      return value;
    } finally {
      active.delete(key);
    }
  };
}

/** The sum of two measures, no larger than `MEASURE_CAP`. */
function add(a: number, b: number): number {
  return Math.min(MEASURE_CAP, a + b);
}

/** The product of two measures, no larger than `MEASURE_CAP`. */
function multiply(a: number, b: number): number {
  return Math.min(MEASURE_CAP, a * b);
}
