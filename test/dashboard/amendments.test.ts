import type { Page } from 'playwright-core';
import { Role, seedIds } from '@nq57/shared';
import { useTestHub } from '../support/hub';
import { openPage, seriousViolations, useBrowser } from '../support/browser';
import { tokenFor } from '../support/tokens';

// A task page open while its task is amended and then removed from its plan through the API: the page reads the
// task again on each amendment event, shows what changed in its timeline and marks the task as removed.
jest.setTimeout(120000);
// The browser first: its pages close before the hub stops, so none is left reconnecting to it.
const browser = useBrowser();
const hub = useTestHub();
let page: Page;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');
const BASIS = 'Kế hoạch 30/KH-UBND ngày 2/3/2026 điều chỉnh';

beforeAll(async () => {
  page = await openPage(browser());
});

async function planner(query: string, input: Record<string, unknown>): Promise<void> {
  const token = await tokenFor({ role: Role.PLANNER, jurisdiction: '19' });
  const answer = await hub().query(query, { input }, token);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

describe('amendments on the task page', () => {
  it('follows an amendment and a removal live: the new text, each change in the timeline, the removed mark', async () => {
    const id = seedIds.task('003-12');
    await page.goto(`${origin()}/nhiem-vu/${id}`);
    await page.locator('.connection[data-state="live"]').waitFor();
    await planner(
      'mutation Amend($input: AmendTaskInput!) { amendProvincialTask(input: $input) { version } }',
      { id, expectedVersion: 1, basis: BASIS, changes: { deadline: 'Quý II/2026' } },
    );
    await page.locator('[data-field="deadline"] dd', { hasText: 'Quý II/2026' }).waitFor();
    await planner(
      'mutation Remove($input: RemoveTaskInput!) { removeProvincialTask(input: $input) { version } }',
      { id, expectedVersion: 2, basis: BASIS },
    );
    await page.locator('p.removed').waitFor();
    expect(await page.locator('p.removed').innerText()).toContain(BASIS);
    const timeline = await page.locator('ol.timeline > li').evaluateAll((items) =>
      items.map((item) => ({
        change: item.querySelector('p.change')?.textContent,
        fields: [...item.querySelectorAll('ul.amendment li')].map((li) => li.textContent),
        note: item.querySelector('p.note')?.textContent,
      })),
    );
    expect(timeline).toEqual([
      {
        change: 'Đưa ra khỏi kế hoạch',
        fields: [`Đưa ra khỏi kế hoạch: “—” → “${BASIS}”`],
        note: BASIS,
      },
      {
        change: 'Điều chỉnh nội dung',
        fields: [`Thời hạn: “—” → “Quý II/2026”`],
        note: BASIS,
      },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
