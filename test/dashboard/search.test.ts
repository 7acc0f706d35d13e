import type { Page } from 'playwright-core';
import { useTestHub } from '../support/hub';
import { openPage, screenshot, seriousViolations, useBrowser } from '../support/browser';
import { LIGHT_WORDS, STATUS_WORDS } from './plan-rows';
import { updateMutation } from '../support/seed-tasks';

// Search (/tim-kiem?q=…): the accent-insensitive searchTasks with its filters, on the seed data.
jest.setTimeout(120000);
const browser = useBrowser();
const hub = useTestHub();
let page: Page;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');
const LEVEL_WORDS: Record<string, string> = { CENTRAL: 'Trung ương', PROVINCIAL: 'Tỉnh', COMMUNE: 'Xã' };

interface FreshHit {
  level: string;
  highlights: { start: number; end: number }[];
  task: {
    id: string;
    ordinal: string | null;
    content: string;
    status: string;
    progress: number;
    state: { light: string };
    deadline: { text: string } | null;
    directive?: { number: string | null };
    plan?: { number: string | null; province: { name: string } };
    commune?: { name: string; province: { name: string } };
  };
}

async function freshSearch(
  query: string,
  filter: Record<string, unknown>,
): Promise<{ totalCount: number; hits: FreshHit[] }> {
  const answer = await hub().query<{ searchTasks: { totalCount: number; edges: { node: FreshHit }[] } }>(
    `query FreshSearch($query: String, $filter: TaskSearchFilter) {
       searchTasks(query: $query, filter: $filter, first: 50) {
         totalCount
         edges { node { level highlights { start end } task {
           id ordinal content status progress state { light } deadline { text }
           ... on CentralTask { directive { number } }
           ... on ProvincialTask { plan { number province { name } } }
           ... on CommuneTask { commune { name province { name } } }
         } } }
       }
     }`,
    { query, filter },
    null,
  );
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  const { totalCount, edges } = answer.data.searchTasks;
  return { totalCount, hits: edges.map((edge) => edge.node) };
}

/** A hit's row as a person reads it: level, place, ordinal and content, deadline, status, light. */
function hitRow({ level, task }: FreshHit): string[] {
  const place = task.commune
    ? `${task.commune.name}, ${task.commune.province.name}`
    : task.plan
      ? `${task.plan.province.name}${task.plan.number ? ` (${task.plan.number})` : ''}`
      : `Trung ương${task.directive?.number ? ` (${task.directive.number})` : ''}`;
  return [
    LEVEL_WORDS[level],
    place,
    `${task.ordinal ? `${task.ordinal} ` : ''}${task.content}`,
    task.deadline?.text ?? '—',
    `${STATUS_WORDS[task.status]} (${task.progress} %)`,
    LIGHT_WORDS[task.state.light],
  ];
}

function shownRows(): Promise<string[][]> {
  return page
    .locator('table.search-results tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    );
}

beforeAll(async () => {
  page = await openPage(browser());
});

describe('the search view', () => {
  it('finds tasks without accents, narrowed by level and province, each a link to its task', async () => {
    await page.goto(`${origin()}/`);
    await page.getByRole('link', { name: 'Tìm kiếm', exact: true }).click();
    await page.waitForURL(`${origin()}/tim-kiem`);
    await page.getByLabel('Từ khóa (có dấu hoặc không dấu)').fill('chuyen doi so');
    await page.getByLabel('Cấp', { exact: true }).selectOption({ label: 'Xã' });
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Lâm Đồng' });
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(`${origin()}/tim-kiem?q=chuyen+doi+so&cap=COMMUNE&tinh=68`);
    await page.locator('[data-testid=search-count]').waitFor();

    const expected = await freshSearch('chuyen doi so', { levels: ['COMMUNE'], provinceCode: '68' });
    expect(expected.totalCount).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=search-count]').innerText()).resolves.toBe(
      `Tìm thấy ${expected.totalCount} nhiệm vụ`,
    );
    expect(await shownRows()).toEqual(expected.hits.map(hitRow));
    // The matched words are marked, as the API's spans say ("chuyển đổi số" for "chuyen doi so").
    const [first] = expected.hits;
    await expect(
      page.locator('table.search-results tbody tr').first().locator('mark').allInnerTexts(),
    ).resolves.toEqual(first.highlights.map((span) => first.task.content.slice(span.start, span.end)));
    expect(first.highlights.length).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'tim-kiem', false);

    await page.locator('table.search-results tbody tr').first().getByRole('link').click();
    await page.waitForURL(`${origin()}/nhiem-vu/${first.task.id}`);
    await expect(page.locator('h1 .task-content').innerText()).resolves.toBe(first.task.content);
  });

  it('filters by status and light from its address, and keeps the filters in the form', async () => {
    await page.goto(`${origin()}/tim-kiem?q=chuyen+doi+so&trang-thai=NOT_STARTED&den=GREY`);
    await page.locator('[data-testid=search-count]').waitFor();
    const expected = await freshSearch('chuyen doi so', { statuses: ['NOT_STARTED'], lights: ['GREY'] });
    expect(expected.totalCount).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=search-count]').innerText()).resolves.toBe(
      `Tìm thấy ${expected.totalCount} nhiệm vụ`,
    );
    expect(await shownRows()).toEqual(expected.hits.map(hitRow));
    await expect(page.getByLabel('Trạng thái', { exact: true }).inputValue()).resolves.toBe('NOT_STARTED');
    await expect(page.getByLabel('Đèn tiến độ').inputValue()).resolves.toBe('GREY');
    await expect(page.getByLabel('Từ khóa (có dấu hoặc không dấu)').inputValue()).resolves.toBe(
      'chuyen doi so',
    );
  });

  it('updates a hit’s status in place when its task is reported on, as a fresh search shows it', async () => {
    await page.goto(`${origin()}/tim-kiem?q=chuyen+doi+so&cap=COMMUNE&tinh=68`);
    await page.locator('[data-testid=search-count]').waitFor();
    await page.getByText('Trực tuyến').first().waitFor();
    const [hit] = (await freshSearch('chuyen doi so', { levels: ['COMMUNE'], provinceCode: '68' })).hits;
    const version = await hub().query<{ communeTask: { version: number } }>(
      'query HitVersion($id: ID!) { communeTask(id: $id) { version } }',
      { id: hit.task.id },
    );
    const input = { id: hit.task.id, status: 'IN_PROGRESS', progress: 55 };
    const answer = await hub().query(updateMutation('CommuneTask'), {
      input: { ...input, expectedVersion: version.data!.communeTask.version },
    });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    await page.waitForFunction(
      (id) => document.querySelector(`tr[data-task="${id}"] td.status`)?.textContent?.includes('55 %'),
      hit.task.id,
      { timeout: 2000 },
    );
    const fresh = (await freshSearch('chuyen doi so', { levels: ['COMMUNE'], provinceCode: '68' })).hits;
    expect(await shownRows()).toEqual(fresh.map(hitRow));
  });
});
