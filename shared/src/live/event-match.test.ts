import { TaskLevel } from '../task/task-status';
import { compileFilter, matches, type MatchableEvent } from './event-match';

const communeEvent: MatchableEvent = {
  directiveKeys: ['71/NQ-CP', '57-NQ/TW'],
  provinceCode: '68',
  communeCode: '24682',
  level: TaskLevel.COMMUNE,
  taskId: '04516d99-fa64-5bec-94de-aaa58d8693e7',
};
const centralEvent: MatchableEvent = {
  directiveKeys: ['07-TB/CQTTBCĐ'],
  provinceCode: null,
  communeCode: null,
  level: TaskLevel.CENTRAL,
  taskId: '5d0c7c37-3d1d-5d3c-9e54-0d9d1f3e7a10',
};

describe('compileFilter and matches', () => {
  it.each([
    [{}, [true, true]],
    [{ directiveNumber: '71/NQ-CP' }, [true, false]],
    [{ directiveNumber: ' 71/nq-cp ' }, [true, false]],
    [{ directiveNumber: '07-TB/CQTTBCĐ' }, [false, true]],
    [{ provinceCode: '68' }, [true, false]],
    [{ provinceCode: '19' }, [false, false]],
    [{ communeCode: '24682' }, [true, false]],
    [{ level: TaskLevel.CENTRAL }, [false, true]],
    [{ taskId: communeEvent.taskId }, [true, false]],
    [{ provinceCode: '68', level: TaskLevel.PROVINCIAL }, [false, false]],
  ])('%j matches [commune event, central event] = %j', (filter, expected) => {
    const match = compileFilter(filter);
    expect([matches(match, communeEvent), matches(match, centralEvent)]).toEqual(expected);
  });

  it.each([
    [{ provinceCode: '99' }, 'INVALID_JURISDICTION'],
    [{ communeCode: '00000' }, 'INVALID_JURISDICTION'],
    [{ provinceCode: '1' }, 'BAD_USER_INPUT'],
    [{ communeCode: "24682' OR 1=1" }, 'BAD_USER_INPUT'],
    [{ taskId: 'not-a-task' }, 'BAD_USER_INPUT'],
    [{ directiveNumber: '' }, 'BAD_USER_INPUT'],
    [{ directiveNumber: 'x'.repeat(101) }, 'BAD_USER_INPUT'],
  ])('refuses %j with %s', (filter, code) => {
    expect(() => compileFilter(filter)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code }) }),
    );
  });
});
