import type { Page } from 'playwright-core';
import { useTestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';
import { openPage, screenshot, seriousViolations, useBrowser } from '../support/browser';
import {
  NATION_COUNTS,
  REPORT_PROVINCIAL,
  ROLLUP,
  TRACE,
  nationRow,
  type Counts,
  type FreshNation,
  type FreshTrace,
} from './dashboard-queries';

// A seeded hub and headless Chromium: each view is opened by its URL, read as a person sees it, checked with axe.
jest.setTimeout(120000);
// The browser first: its pages close before the hub stops, so none is left reconnecting to it.
const browser = useBrowser();
const hub = useTestHub();
let page: Page;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');
const cells = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allInnerTexts();

beforeAll(async () => {
  page = await openPage(browser());
});

async function fresh<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await hub().query<T>(query, variables, null);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

async function row71Task5(): Promise<FreshTrace['directive']['tasks'][number]> {
  const trace = await fresh<FreshTrace>(TRACE);
  const task = trace.directive.tasks.find(
    (candidate) =>
      candidate.ref.endsWith('#5') || candidate.content.startsWith('Tổ chức ứng dụng trí tuệ nhân tạo'),
  );
  if (!task) throw new Error('71/NQ-CP#5 is not in the seed data');
  return task;
}

describe('the dashboard in a browser', () => {
  it('serves the nation at /: every province with its counts and bar, the ranking, live, no serious axe finding', async () => {
    const response = await page.goto(`${origin()}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    await page.locator('table.rollups tbody tr').nth(33).waitFor();
    const nation = await fresh<FreshNation>(NATION_COUNTS);
    const shown = await page
      .locator('table.rollups tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('th')?.textContent,
          ...['total', 'on-time', 'overdue'].map((name) => row.querySelector(`td.${name}`)?.textContent),
          row.querySelector('.bar')?.getAttribute('aria-label'),
        ]),
      );
    expect(shown).toEqual(
      nation.provinces.map((province) => [
        province.name,
        ...nationRow(province.progress, province.communeProgress),
      ]),
    );
    expect(shown).toHaveLength(34);
    // Thái Nguyên's plan 44/KH-UBND has 85 tasks and no commune plan of it is in the seed data.
    expect(shown.find((row) => row[0] === 'Thái Nguyên')?.[1]).toBe('85');
    expect(await cells(page, 'table.ranking tbody th')).toEqual(
      nation.provinceRanking.map((rank) => rank.province.name),
    );
    expect(await cells(page, 'table.ranking tbody td.judged')).toEqual(
      nation.provinceRanking.map((rank) => String(rank.judged)),
    );
    await expect(page.locator('[role=status]').innerText()).resolves.toBe('Trực tuyến: cập nhật tức thời');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'toan-quoc');
  });

  it('goes from the nation to a directive and shows each central task with the provinces and communes carrying it out', async () => {
    await page.goto(`${origin()}/`);
    await page.getByRole('link', { name: '71/NQ-CP', exact: true }).click();
    await page.waitForURL(`${origin()}/chi-thi/71/NQ-CP`);
    const task = await row71Task5();
    const card = page.locator(`section.card[data-task="${task.id}"]`);
    await card.waitFor();
    const trace = await fresh<FreshTrace>(TRACE);
    await expect(page.locator('h1').innerText()).resolves.toBe(`71/NQ-CP: ${trace.directive.title}`);
    await expect(page.locator('section.card').count()).resolves.toBe(trace.directive.tasks.length);
    const total = task.implementationProgress.total;
    await expect(card.locator('.implementation').innerText()).resolves.toBe(
      `Triển khai ở tỉnh và xã: ${total.total} nhiệm vụ · đúng hạn ${total.completedOnTime} · quá hạn ${total.overdue}`,
    );
    // The README's trace: row 80 of Thái Nguyên's 44/KH-UBND, and Thuận An directly.
    await expect(card.locator('td.place').allInnerTexts()).resolves.toEqual([
      'Thái Nguyên (44/KH-UBND)',
      'Xã Thuận An, Lâm Đồng',
    ]);
    await expect(card.locator('td.status').allInnerTexts()).resolves.toEqual([
      'Chưa thực hiện (0 %)',
      'Chưa thực hiện (0 %)',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'chi-thi-71-NQ-CP');

    // Clicking goes down the trace, to the provincial task's own view.
    const provincial = task.provincialTasks[0];
    await card.getByRole('link', { name: `${provincial.ordinal} ${provincial.content}` }).click();
    await page.waitForURL(`${origin()}/nhiem-vu/${provincial.id}`);
    await expect(page.locator('[data-field=lead] dd').innerText()).resolves.toBe(
      provincial.lead?.text ?? '—',
    );
  });

  it('shows a task: printed fields, links up and down, and its history as a timeline that grows live', async () => {
    const task = await row71Task5();
    const provincial = task.provincialTasks[0];
    await page.goto(`${origin()}/nhiem-vu/${provincial.id}`);
    await page.locator('[data-field=deadline] dd').waitFor();
    await expect(page.locator('[data-field=document] dd').innerText()).resolves.toMatch(/^44\/KH-UBND: /);
    await expect(page.locator('[data-field=deadline] dd').innerText()).resolves.toBe(
      provincial.deadline?.text ?? '—',
    );
    await expect(page.locator('[data-links=central] li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(`[71/NQ-CP] ${task.content}`),
    ]);
    await expect(page.locator('.crumbs li').allInnerTexts()).resolves.toEqual([
      'Toàn quốc',
      'Thái Nguyên',
      'Kế hoạch 44/KH-UBND',
    ]);
    await expect(page.locator('#history-title + p').innerText()).resolves.toBe('Chưa có báo cáo nào.');
    await page.locator('[role=status][data-state=live]').waitFor();
    const reporter = await tokenFor({ role: 'reporter', jurisdiction: '19', subject: 'so-khcn.thainguyen' });
    const report = await hub().query(
      REPORT_PROVINCIAL,
      {
        input: {
          id: provincial.id,
          status: 'IN_PROGRESS',
          progress: 30,
          note: 'Đã khảo sát nhu cầu ứng dụng AI',
          evidence: [{ title: 'Báo cáo khảo sát', documentNumber: '12/BC-SKHCN' }],
          expectedVersion: provincial.version,
        },
      },
      reporter,
    );
    expect(report.errors).toBeUndefined();
    const entry = page.locator('.timeline li').first();
    await entry.waitFor({ timeout: 2000 });
    await expect(entry.locator('.change').innerText()).resolves.toBe(
      'Chưa thực hiện → Đang thực hiện, tiến độ 30 %',
    );
    await expect(entry.locator('.note').innerText()).resolves.toBe('Đã khảo sát nhu cầu ứng dụng AI');
    await expect(entry.locator('.evidence li').innerText()).resolves.toBe(
      'Minh chứng: Báo cáo khảo sát (12/BC-SKHCN)',
    );
    await expect(page.locator('[data-field=status] dd').innerText()).resolves.toBe('Đang thực hiện (30 %)');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'nhiem-vu');
  });

  it('shows a province: its plan tasks with lights, its communes ranked and its warning lists', async () => {
    await page.goto(`${origin()}/tinh/19`);
    await page.locator('[data-testid=province-total]').waitFor();
    const answer = await fresh<{
      province: {
        name: string;
        progress: Counts;
        plans: { number: string; tasks: { id: string }[] }[];
        warnings: { overdue: { id: string }[]; dueSoon: { id: string }[]; staleReports: { id: string }[] };
      };
    }>(
      `query FreshProvince { province(code: "19") { name progress { ${ROLLUP} } plans { number tasks { id } }
         warnings { overdue { id } dueSoon { id } staleReports { id } } } }`,
    );
    const { province } = answer;
    await expect(page.locator('h1').innerText()).resolves.toBe('Thái Nguyên');
    await expect(page.locator('[data-testid=province-total] .total').innerText()).resolves.toBe(
      String(province.progress.total),
    );
    await expect(page.locator('[data-testid=province-total] .overdue').innerText()).resolves.toBe(
      String(province.progress.overdue),
    );
    await expect(page.locator('tr[data-task]').count()).resolves.toBe(
      province.plans.flatMap((plan) => plan.tasks).length,
    );
    await expect(page.locator('[data-warning] .count').allInnerTexts()).resolves.toEqual(
      [province.warnings.overdue, province.warnings.dueSoon, province.warnings.staleReports].map((list) =>
        String(list.length),
      ),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'tinh-thai-nguyen', false);
  });

  it('answers an unknown address with the page, which says so, and leaves GraphQL and its query page where they were', async () => {
    await page.goto(`${origin()}/chi-thi/99/XX`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Không có văn bản số 99/XX');
    const graphiql = await fetch(`${origin()}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('GraphiQL');
    const asset = await fetch(`${origin()}/assets/none.js`);
    expect(asset.status).toBe(404);
  });
});
