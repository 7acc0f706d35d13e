import 'reflect-metadata';
import { validate } from 'class-validator';
import { TaskLevel, TaskStatus, TrafficLight } from '@nq57/shared';
import { cleanText, searchRequest } from './search-request';
import { SearchTasksArgs, TaskSearchFilter, TaskSearchOrder } from './task-search.args';

function args(
  values: Partial<Omit<SearchTasksArgs, 'filter'>> & { filter?: Partial<TaskSearchFilter> } = {},
) {
  const { filter, ...rest } = values;
  return Object.assign(
    new SearchTasksArgs(),
    rest,
    filter ? { filter: Object.assign(new TaskSearchFilter(), filter) } : {},
  );
}

async function problems(values: Parameters<typeof args>[0]): Promise<string[]> {
  const errors = await validate(args(values), { forbidUnknownValues: false });
  const names = (list: typeof errors, prefix: string): string[] =>
    list.flatMap((error) => [
      ...Object.keys(error.constraints ?? {}).map((rule) => `${prefix}${error.property}:${rule}`),
      ...names(error.children ?? [], `${prefix}${error.property}.`),
    ]);
  return names(errors, '');
}

const code = (code: string) => expect.objectContaining({ extensions: expect.objectContaining({ code }) });

describe('searchTasks arguments, as class-validator checks them', () => {
  it('accepts the defaults and a full filter', async () => {
    expect(await problems({})).toEqual([]);
    expect(
      await problems({
        query: 'chuyển đổi số',
        first: 100,
        filter: {
          levels: [TaskLevel.COMMUNE],
          provinceCode: '68',
          communeCode: '24682',
          group: 8,
          statuses: [TaskStatus.IN_PROGRESS],
          lights: [TrafficLight.RED],
          agency: 'UBND cấp xã',
          dueFrom: '2025-01-01',
          dueTo: '2025-12-31',
        },
      }),
    ).toEqual([]);
  });

  it.each<[string, Parameters<typeof args>[0], string[]]>([
    ['a query of 201 characters', { query: 'x'.repeat(201) }, ['query:maxLength']],
    ['first 0', { first: 0 }, ['first:min']],
    ['first 101', { first: 101 }, ['first:max']],
    ['a fractional first', { first: 1.5 }, ['first:isInt']],
    ['a cursor of 401 characters', { after: 'A'.repeat(401) }, ['after:maxLength']],
    ['no level', { filter: { levels: [] } }, ['filter.levels:arrayMinSize']],
    ['a province code of one digit', { filter: { provinceCode: '1' } }, ['filter.provinceCode:matches']],
    ['a commune code with letters', { filter: { communeCode: '2468a' } }, ['filter.communeCode:matches']],
    ['group 0', { filter: { group: 0 } }, ['filter.group:min']],
    [
      'six statuses',
      { filter: { statuses: Array(6).fill(TaskStatus.CANCELLED) } },
      ['filter.statuses:arrayMaxSize'],
    ],
    ['an agency of 201 characters', { filter: { agency: 'x'.repeat(201) } }, ['filter.agency:isLength']],
  ])('refuses %s', async (_name, values, expected) => {
    expect(await problems(values)).toEqual(expected);
  });
});

describe('searchRequest', () => {
  it('normalizes text and lists, and takes asOf only for lights', () => {
    const request = searchRequest(
      args({
        query: '  Chuyển\u0000  đổi\tsố ',
        asOf: '2025-12-10',
        filter: {
          statuses: [TaskStatus.NOT_STARTED, TaskStatus.CANCELLED, TaskStatus.NOT_STARTED],
          agency: ' Sở  KH&CN ',
        },
      }),
    );
    expect(request).toEqual({
      query: 'Chuyển đổi số',
      filter: { statuses: [TaskStatus.CANCELLED, TaskStatus.NOT_STARTED], agency: 'Sở KH&CN' },
      order: TaskSearchOrder.RELEVANCE,
      asOf: null,
      first: 20,
      after: null,
      binding: expect.stringMatching(/^[\w-]{16}$/),
    });
    expect(searchRequest(args({ asOf: '2025-12-10', filter: { lights: [TrafficLight.RED] } })).asOf).toBe(
      '2025-12-10',
    );
  });

  it('reads a blank query as no query', () => {
    for (const query of [undefined, '', '   ', '\u200b'])
      expect(searchRequest(args({ query })).query).toBeNull();
  });

  it('gives the same binding to one search however it is spelt', () => {
    const bindings = ['chuyen doi so', 'Chuyển đổi số', ' CHUYỂN  ĐỔI SỐ'].map(
      (query) =>
        searchRequest(args({ query, filter: { levels: [TaskLevel.COMMUNE, TaskLevel.CENTRAL] } })).binding,
    );
    expect(new Set(bindings).size).toBe(1);
    expect(
      searchRequest(
        args({ query: 'chuyen doi so', filter: { levels: [TaskLevel.CENTRAL, TaskLevel.COMMUNE] } }),
      ).binding,
    ).toBe(bindings[0]);
  });

  it.each<[string, Parameters<typeof args>[0], string]>([
    ['an asOf that is no date', { asOf: '2025-13-01' }, 'INVALID_DATE'],
    ['a dueFrom that does not exist', { filter: { dueFrom: '2025-02-29' } }, 'INVALID_DATE'],
    ['a dueTo in another form', { filter: { dueTo: '31/12/2025' } }, 'INVALID_DATE'],
    ['a reversed range', { filter: { dueFrom: '2025-12-31', dueTo: '2025-01-01' } }, 'BAD_USER_INPUT'],
    ['a blank agency', { filter: { agency: ' \t ' } }, 'BAD_USER_INPUT'],
    ['a cursor not made by the hub', { after: 'abc' }, 'BAD_USER_INPUT'],
  ])('refuses %s', (_name, values, expected) => {
    expect(() => searchRequest(args(values))).toThrow(code(expected));
  });

  it('cleans text to NFC without control characters', () => {
    expect(cleanText('tri\u0301\u0007 tue\u0302\u0323')).toBe('trí tuệ');
  });
});
