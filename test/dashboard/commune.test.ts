import type { Page } from 'playwright-core';
import { useTestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';
import { openPage, screenshot, seriousViolations, useBrowser } from '../support/browser';
import { REPORT_COMMUNE, ROLLUP, type Counts } from './dashboard-queries';
import { FRESH_PLAN, planRow, shownPlanRows, type FreshPlanTask } from './plan-rows';

// The commune view (/xa/<code>) on the seed data: Xã Thuận An (24682, Lâm Đồng), the README's commune.
jest.setTimeout(120000);
const browser = useBrowser();
const hub = useTestHub();
let page: Page;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');

interface FreshCommune {
  commune: {
    name: string;
    province: { name: string };
    progress: Counts;
    plans: { id: string; number: string | null; tasks: FreshPlanTask[] }[];
    warnings: { overdue: { id: string }[]; dueSoon: { id: string }[]; staleReports: { id: string }[] };
  };
}
const FRESH_COMMUNE = `
  query FreshCommune {
    commune(code: "24682") {
      name province { name } progress { ${ROLLUP} }
      plans { ${FRESH_PLAN} }
      warnings { overdue { id } dueSoon { id } staleReports { id } }
    }
  }
`;

async function freshCommune(): Promise<FreshCommune['commune']> {
  const answer = await hub().query<FreshCommune>(FRESH_COMMUNE, {}, null);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.commune;
}

/** What the page's summary and warnings say, and what a fresh query says they should. */
async function countsShownAndFresh(): Promise<[string[], string[]]> {
  const commune = await freshCommune();
  const shown = [
    await page.locator('[data-testid=commune-total] p').innerText(),
    ...(await page.locator('[data-warning] .count').allInnerTexts()),
  ];
  const { progress, warnings } = commune;
  const expected = [
    `Kế hoạch của xã: ${progress.total} nhiệm vụ · đúng hạn ${progress.completedOnTime} · quá hạn ${progress.overdue}`,
    ...[warnings.overdue, warnings.dueSoon, warnings.staleReports].map((list) => String(list.length)),
  ];
  return [shown, expected];
}

beforeAll(async () => {
  page = await openPage(browser());
});

describe('the commune view', () => {
  it('shows a commune: every plan task as printed with its status and light, its warnings, live', async () => {
    await page.goto(`${origin()}/xa/24682`);
    await page.locator('[data-testid=commune-total]').waitFor();
    const commune = await freshCommune();
    await expect(page.locator('h1').innerText()).resolves.toBe('Xã Thuận An, Lâm Đồng');
    expect(commune.plans.length).toBeGreaterThan(0);
    expect(await shownPlanRows(page)).toEqual(
      commune.plans.flatMap((plan) => plan.tasks.map((task) => planRow(plan, task))),
    );
    const [shown, expected] = await countsShownAndFresh();
    expect(shown).toEqual(expected);
    await expect(page.locator('.crumbs li').allInnerTexts()).resolves.toEqual(['Toàn quốc', 'Lâm Đồng']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'xa-thuan-an');

    // A report through the API changes its row within 2 s, and the counts follow.
    await page.locator('[role=status][data-state=live]').waitFor();
    const [plan] = commune.plans;
    const [task] = plan.tasks;
    const reporter = await tokenFor({ role: 'reporter', jurisdiction: '24682', subject: 'ubnd.thuanan' });
    const reportedAt = Date.now();
    const report = await hub().query(
      REPORT_COMMUNE,
      {
        input: {
          id: task.id,
          status: 'COMPLETED_ON_TIME',
          progress: 100,
          note: 'Đã hoàn thành',
          expectedVersion: task.version,
        },
      },
      reporter,
    );
    expect(report.errors).toBeUndefined();
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-task="${id}"] td.status`)?.textContent ===
        'Hoàn thành đúng hạn (100 %)',
      task.id,
      { timeout: 2000 },
    );
    expect(Date.now() - reportedAt).toBeLessThan(2000);
    const after = await freshCommune();
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=commune-total] p')?.textContent === text,
      `Kế hoạch của xã: ${after.progress.total} nhiệm vụ · đúng hạn ${after.progress.completedOnTime} · quá hạn ${after.progress.overdue}`,
      { timeout: 2000 },
    );
    const [shownAfter, expectedAfter] = await countsShownAndFresh();
    expect(shownAfter).toEqual(expectedAfter);
    expect(await shownPlanRows(page)).toEqual(
      after.plans.flatMap((fresh) => fresh.tasks.map((row) => planRow(fresh, row))),
    );
  });

  it('is reached from its province, and says so when the code is unknown', async () => {
    await page.goto(`${origin()}/tinh/68`);
    await page.getByRole('link', { name: 'Xã Thuận An', exact: true }).click();
    await page.waitForURL(`${origin()}/xa/24682`);
    await page.locator('[data-testid=commune-total]').waitFor();
    await page.goto(`${origin()}/xa/99999`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Không có xã, phường mã 99999');
  });
});
