import { TaskLevel } from '../task/task-status';
import { matches, type EventMatch, type MatchableEvent } from './event-match';
import { ListenerIndex, bucketOf } from './listener-index';

const ANY: EventMatch = {
  directiveKey: null,
  provinceCode: null,
  communeCode: null,
  level: null,
  taskId: null,
};
const TASK = '00000000-0000-4000-8000-000000000001';

function listener(name: string, match: Partial<EventMatch>): { name: string; match: EventMatch } {
  return { name, match: { ...ANY, ...match } };
}

const LISTENERS = [
  listener('all', {}),
  listener('province 19', { provinceCode: '19' }),
  listener('province 68', { provinceCode: '68' }),
  listener('commune 24682', { communeCode: '24682' }),
  listener('commune 24682, provincial level', { communeCode: '24682', level: TaskLevel.PROVINCIAL }),
  listener('71/NQ-CP', { directiveKey: '71/nq-cp' }),
  listener('71/NQ-CP in 19', { directiveKey: '71/nq-cp', provinceCode: '19' }),
  listener('communes', { level: TaskLevel.COMMUNE }),
  listener('one task', { taskId: TASK }),
];

const EVENTS: MatchableEvent[] = [
  {
    taskId: TASK,
    level: TaskLevel.PROVINCIAL,
    provinceCode: '19',
    communeCode: null,
    directiveKeys: ['71/nq-cp'],
  },
  {
    taskId: '00000000-0000-4000-8000-000000000002',
    level: TaskLevel.COMMUNE,
    provinceCode: '68',
    communeCode: '24682',
    directiveKeys: ['71/nq-cp', '57-nq/tw'],
  },
  {
    taskId: '00000000-0000-4000-8000-000000000003',
    level: TaskLevel.CENTRAL,
    provinceCode: null,
    communeCode: null,
    directiveKeys: [],
  },
];

describe('ListenerIndex', () => {
  it('finds for each event exactly the listeners a scan of every filter finds, each once', () => {
    const index = new ListenerIndex<(typeof LISTENERS)[number]>();
    for (const each of LISTENERS) index.add(each);
    const names = (found: { name: string }[]): string[] => found.map((each) => each.name).sort();
    expect(EVENTS.map((event) => names(index.matching(event)))).toEqual(
      EVENTS.map((event) => names(LISTENERS.filter((each) => matches(each.match, event)))),
    );
    expect(names(index.matching(EVENTS[1]))).toEqual([
      '71/NQ-CP',
      'all',
      'commune 24682',
      'communes',
      'province 68',
    ]);
  });

  it('files a listener under its most selective field and counts it once', () => {
    const index = new ListenerIndex<(typeof LISTENERS)[number]>();
    for (const each of [...LISTENERS, LISTENERS[0]]) index.add(each);
    const afterAdding = index.size;
    index.remove(LISTENERS[1]);
    index.remove(LISTENERS[1]);
    expect([afterAdding, index.size, LISTENERS.map((each) => bucketOf(each.match))]).toEqual([
      9,
      8,
      ['*', 'p:19', 'p:68', 'c:24682', 'c:24682', 'd:71/nq-cp', 'p:19', 'l:COMMUNE', `t:${TASK}`],
    ]);
  });
});
