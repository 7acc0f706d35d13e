import type { GraphQLError, OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import { limitError, LimitCode, operationLabel } from './errors';
import {
  estimateCost,
  operationAliases,
  operationDepth,
  type CostOptions,
  type FragmentLookup,
} from './measure';

/** Refuses each operation deeper than `maxDepth` with `QUERY_TOO_DEEP` (see `operationDepth`). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return function QueryDepthLimit(context: ValidationContext) {
    return perOperation((operation) => {
      const depth = operationDepth(operation, fragmentsIn(context));
      if (depth <= maxDepth) return;
      context.reportError(
        limitError(
          LimitCode.QUERY_TOO_DEEP,
          `${operationLabel(operation)} is ${depth} levels deep; the limit is ${maxDepth}.`,
          { limit: maxDepth, measured: depth },
          operation,
        ),
      );
    });
  };
}

/** Refuses each operation with more than `maxAliases` aliased fields with `TOO_MANY_ALIASES`. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return function QueryAliasLimit(context: ValidationContext) {
    return perOperation((operation) => {
      const aliases = operationAliases(operation, fragmentsIn(context));
      if (aliases <= maxAliases) return;
      context.reportError(
        limitError(
          LimitCode.TOO_MANY_ALIASES,
          `${operationLabel(operation)} has ${aliases} aliases; the limit is ${maxAliases}.`,
          { limit: maxAliases, measured: aliases },
          operation,
        ),
      );
    });
  };
}

/** Refuses each operation estimated to cost over `maxCost` with `QUERY_TOO_COSTLY` (see `estimateCost`). */
export function costLimitRule(maxCost: number, options: CostOptions = {}): ValidationRule {
  return function QueryCostLimit(context: ValidationContext) {
    return perOperation((operation) => {
      const error = costError(
        maxCost,
        estimateCost(context.getSchema(), operation, fragmentsIn(context), options),
        operation,
      );
      if (error) context.reportError(error);
    });
  };
}

/** The `QUERY_TOO_COSTLY` error (plus `extensions`) for an operation of `cost`, or null within `maxCost`. */
export function costError(
  maxCost: number,
  cost: number,
  operation: OperationDefinitionNode,
  extensions: Record<string, unknown> = {},
): GraphQLError | null {
  if (cost <= maxCost) return null;
  return limitError(
    LimitCode.QUERY_TOO_COSTLY,
    `${operationLabel(operation)} has an estimated cost of ${cost}; the limit is ${maxCost}.`,
    { limit: maxCost, measured: cost, ...extensions },
    operation,
  );
}

/** A visitor calling `check` on each operation and walking no further (the measures follow fragments). */
function perOperation(check: (operation: OperationDefinitionNode) => void) {
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      check(operation);
      return false;
    },
  };
}

/** The fragments of the document being validated. */
function fragmentsIn(context: ValidationContext): FragmentLookup {
  return (name) => context.getFragment(name);
}
