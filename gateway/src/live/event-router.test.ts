import type { EventMatch } from '@nq57/shared/core';
import { EventRouter } from './event-router';
import { ROUTING_KEY } from './routed-operation';

const ANY: EventMatch = {
  directiveKey: null,
  provinceCode: null,
  communeCode: null,
  level: null,
  taskId: null,
};
const member = (name: string, match: Partial<EventMatch> = {}) => ({ name, match: { ...ANY, ...match } });
const TASK = '00000000-0000-4000-8000-000000000001';

const nation = member('nation');
const thaiNguyen = member('thaiNguyen', { provinceCode: '19' });
const thuanAn = member('thuanAn', { communeCode: '24682' });
const directive = member('directive71', { directiveKey: '71/NQ-CP' });
const communes = member('communes', { level: 'COMMUNE' });
const members = [nation, thaiNguyen, thuanAn, directive, communes];

function router(): EventRouter<(typeof members)[number]> {
  const routed = new EventRouter<(typeof members)[number]>('live');
  for (const each of members) routed.add(each);
  return routed;
}

const event = (routing: unknown) => ({ data: { live: { cursor: 'c1', [ROUTING_KEY]: routing } } });
const names = (recipients: { name: string }[]) => recipients.map((each) => each.name).sort();

describe('EventRouter', () => {
  it('sends an event, without its routing, to exactly the subscribers whose filter it passes', () => {
    const routing = {
      level: 'COMMUNE',
      taskId: TASK,
      provinceCode: '68',
      communeCode: '24682',
      directiveKeys: ['71/NQ-CP', '57-NQ/TW'],
    };
    const routed = router().route(event(routing), members);
    expect([routed.deliver, names(routed.recipients)]).toEqual([
      { data: { live: { cursor: 'c1' } } },
      ['communes', 'directive71', 'nation', 'thuanAn'],
    ]);
  });

  it('forgets a subscriber that left', () => {
    const routed = router();
    routed.remove(thaiNguyen);
    const routing = {
      level: 'PROVINCIAL',
      taskId: TASK,
      provinceCode: '19',
      communeCode: null,
      directiveKeys: [],
    };
    expect(names(routed.route(event(routing), members).recipients)).toEqual(['nation']);
  });

  it('gives an event it cannot place only to the subscribers of every event', () => {
    expect(names(router().route(event({ taskId: TASK }), members).recipients)).toEqual(['nation']);
  });

  it('gives an error in place of the event to every subscriber', () => {
    const failed = { data: null, errors: [{ message: 'Upstream failed' }] };
    expect(router().route(failed as never, members)).toEqual({ deliver: failed, recipients: members });
  });

  it('sends every result as it is when the execution is not routed', () => {
    const plain = new EventRouter<(typeof members)[number]>(null);
    const result = event({ anything: true });
    expect(plain.route(result, members)).toEqual({ deliver: result, recipients: members });
  });
});
