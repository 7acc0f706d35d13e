import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { ALL_TASK_COLUMNS, taskSelection, type TaskSelection } from './task-selection';

const SCHEMA = buildSchema(`
  interface Task { id: ID! content: String! }
  type CommuneTask implements Task { id: ID! content: String! ordinal: String deadline: String plan: String state: String }
  type Query { tasks: [CommuneTask!]! task: Task other: String }
`);

const LEVEL_FIELDS = { plan: ['planId'] };

/** The selection the resolver of `Query.tasks` sees for `query`. */
function selectionOf(query: string): TaskSelection {
  let seen: TaskSelection | null = null;
  // The default resolver calls a function-valued root field with (args, context, info).
  const capture = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen = taskSelection(info, 'CommuneTask', LEVEL_FIELDS);
    return [];
  };
  void execute({ schema: SCHEMA, document: parse(query), rootValue: { tasks: capture } });
  if (!seen) throw new Error('Query.tasks was not resolved');
  return seen;
}

describe('taskSelection', () => {
  it('reads the columns of the selected fields, the id always, and a level field through its needs', () => {
    expect(selectionOf('{ tasks { ordinal deadline plan } }').properties).toEqual([
      'deadlineColumns',
      'id',
      'ordinal',
      'planId',
    ]);
  });

  it('collects fields from fragments, inline fragments and the interface, anywhere in the operation', () => {
    const selection = selectionOf(`
      query Q { tasks { ...F } task { content ... on CommuneTask { ordinal } } }
      fragment F on Task { id }
    `);
    expect(selection.properties).toEqual(['content', 'id', 'ordinal']);
    expect(selection.key).toBe('content,id,ordinal');
  });

  it('reads every column when a field is selected whose needs are not listed', () => {
    expect(selectionOf('{ tasks { content state } }')).toEqual(ALL_TASK_COLUMNS);
  });
});
