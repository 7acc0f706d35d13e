import type { Page } from 'playwright-core';
import { start as startGateway, type GatewayHandle } from '@nq57/gateway';
import { postGraphQL, useTestHub } from '../support/hub';
import { feedListenersReach } from '../support/live';
import { tokenFor } from '../support/tokens';
import { openPage, useBrowser } from '../support/browser';
import {
  NATION_COUNTS,
  REPORT_PROVINCIAL,
  TRACE,
  nationRow,
  type FreshNation,
  type FreshTrace,
} from './dashboard-queries';

// Two open pages (the nation and 71/NQ-CP) follow the live feed while reports are made through the API, and
// while the gateway is stopped and started again on the same port.
jest.setTimeout(120000);
// The browser first: its pages close before the hub stops, so none is left reconnecting to it.
const browser = useBrowser();
const hub = useTestHub();

// A subgraph's TaskEvent is a reference to the events subgraph's: only the task is selected there.
const SUBGRAPH_REPORT = `mutation ReportDirect($input: TaskStatusInput!) { REPORT(input: $input) { task { version } } }`;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');

async function fresh<T>(query: string): Promise<T> {
  const answer = await hub().query<T>(query, {}, null);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

/** What the nation page shows: each province's name, counts and bar, and the ranking's names and judged counts. */
function shownNation(page: Page): Promise<{ rows: (string | null)[][]; ranking: (string | null)[][] }> {
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll('table.rollups tbody tr')].map((row) => [
      row.querySelector('th')?.textContent ?? null,
      ...['total', 'on-time', 'overdue'].map((name) => row.querySelector(`td.${name}`)?.textContent ?? null),
      row.querySelector('.bar')?.getAttribute('aria-label') ?? null,
    ]),
    ranking: [...document.querySelectorAll('table.ranking tbody tr')].map((row) => [
      row.querySelector('td.rank')?.textContent ?? null,
      row.querySelector('th')?.textContent ?? null,
      row.querySelector('td.judged')?.textContent ?? null,
    ]),
  }));
}

/** The nation page as a fresh query says it should be. */
async function expectedNation(): Promise<{ rows: (string | null)[][]; ranking: (string | null)[][] }> {
  const nation = await fresh<FreshNation>(NATION_COUNTS);
  return {
    rows: nation.provinces.map((province) => [
      province.name,
      ...nationRow(province.progress, province.communeProgress),
    ]),
    ranking: nation.provinceRanking.map((rank) => [
      rank.rank === null ? '—' : String(rank.rank),
      rank.province.name,
      String(rank.judged),
    ]),
  };
}

/** Polls until the page shows what a fresh query reads (the re-read of counts is coalesced over 300 ms). */
async function untilNationMatches(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [shown, expected] = await Promise.all([shownNation(page), expectedNation()]);
    if (JSON.stringify(shown) === JSON.stringify(expected) || Date.now() > deadline) {
      expect(shown).toEqual(expected);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the dashboard, live', () => {
  let nationPage: Page;
  let directivePage: Page;
  let restarted: GatewayHandle | undefined;

  it('shows a report made through the API on open pages within 2 s, and is right again after the socket is cut', async () => {
    const trace = await fresh<FreshTrace>(TRACE);
    const central = trace.directive.tasks.find(
      (task) => task.provincialTasks.length > 0 && task.communeTasks.length > 0,
    );
    if (!central) throw new Error('No task of 71/NQ-CP is carried out by both a province and a commune');
    const [provincial] = central.provincialTasks;
    const [commune] = central.communeTasks;
    nationPage = await openPage(browser());
    directivePage = await openPage(browser());
    await nationPage.goto(`${origin()}/`);
    await directivePage.goto(`${origin()}/chi-thi/71/NQ-CP`);
    await nationPage.locator('[role=status][data-state=live]').waitFor();
    await directivePage.locator('[role=status][data-state=live]').waitFor();
    // Both subscriptions are registered with the events subgraph before anything is reported.
    await feedListenersReach(hub().events.url, 2);

    const thaiNguyen = await tokenFor({
      role: 'reporter',
      jurisdiction: '19',
      subject: 'so-khcn.thainguyen',
    });
    const thuanAn = await tokenFor({ role: 'reporter', jurisdiction: '24682', subject: 'ubnd.thuanan' });
    const reportedAt = Date.now();
    const first = await hub().query(
      REPORT_PROVINCIAL,
      {
        input: {
          id: provincial.id,
          status: 'IN_PROGRESS',
          progress: 40,
          note: 'Đang triển khai',
          expectedVersion: provincial.version,
        },
      },
      thaiNguyen,
    );
    expect(first.errors).toBeUndefined();
    const directiveRow = directivePage.locator(
      `section.card[data-task="${central.id}"] tr[data-task="${provincial.id}"] td.status`,
    );
    await Promise.all([
      nationPage.locator('.ticker li').first().waitFor({ timeout: 2000 }),
      directivePage.waitForFunction(
        (selector) => document.querySelector(selector)?.textContent === 'Đang thực hiện (40 %)',
        `section.card[data-task="${central.id}"] tr[data-task="${provincial.id}"] td.status`,
        { timeout: 2000 },
      ),
    ]);
    expect(Date.now() - reportedAt).toBeLessThan(2000);
    await expect(nationPage.locator('.ticker li').first().innerText()).resolves.toContain(
      `Thái Nguyên\n${provincial.content}\nChưa thực hiện → Đang thực hiện (40 %)`,
    );
    await untilNationMatches(nationPage, 2000);

    // Cut the socket: stop the gateway. While it is down, two reports go straight to the subgraphs (which check
    // the same tokens); the pages cannot hear them.
    const gateway = hub().gateway;
    await gateway.stop();
    // hub().stop() stops the gateway it started: stopped already, so it stops the one started again instead.
    gateway.stop = async () => {
      await restarted?.stop();
      restarted = undefined;
    };
    await nationPage.locator('[role=status][data-state=reconnecting]').waitFor();
    await expect(nationPage.locator('[role=status]').innerText()).resolves.toBe(
      'Mất kết nối: đang kết nối lại…',
    );
    const missedProvincial = await postGraphQL(
      hub().provincial.url,
      SUBGRAPH_REPORT.replace('REPORT', 'updateProvincialTaskStatus'),
      {
        input: {
          id: provincial.id,
          status: 'COMPLETED_ON_TIME',
          progress: 100,
          note: 'Hoàn thành',
          expectedVersion: provincial.version + 1,
        },
      },
      thaiNguyen,
    );
    expect(missedProvincial.errors).toBeUndefined();
    const missedCommune = await postGraphQL(
      hub().commune.url,
      SUBGRAPH_REPORT.replace('REPORT', 'updateCommuneTaskStatus'),
      {
        input: {
          id: commune.id,
          status: 'IN_PROGRESS',
          progress: 20,
          note: 'Đã khảo sát',
          expectedVersion: commune.version,
        },
      },
      thuanAn,
    );
    expect(missedCommune.errors).toBeUndefined();

    // The same port again; the pages resume with their last cursor and replay what they missed.
    restarted = await startGateway({
      port: gateway.port,
      subgraphs: {
        central: hub().central.url,
        provincial: hub().provincial.url,
        commune: hub().commune.url,
        events: hub().events.url,
      },
    });
    await nationPage.locator('[role=status][data-state=live]').waitFor({ timeout: 10000 });
    await directivePage.locator('[role=status][data-state=live]').waitFor({ timeout: 10000 });

    await untilNationMatches(nationPage, 3000);
    // Only a resume with `after` brings the missed events into the ticker (a reload would not), each once.
    await nationPage.waitForFunction(() => document.querySelectorAll('.ticker li').length === 3, undefined, {
      timeout: 3000,
    });
    await expect(nationPage.locator('.ticker li .change').allInnerTexts()).resolves.toEqual([
      'Chưa thực hiện → Đang thực hiện (20 %)',
      'Đang thực hiện → Hoàn thành đúng hạn (100 %)',
      'Chưa thực hiện → Đang thực hiện (40 %)',
    ]);
    await expect(directiveRow.innerText()).resolves.toBe('Hoàn thành đúng hạn (100 %)');
    await expect(
      directivePage
        .locator(`section.card[data-task="${central.id}"] tr[data-task="${commune.id}"] td.status`)
        .innerText(),
    ).resolves.toBe('Đang thực hiện (20 %)');
    // The directive's counts equal a fresh query's too.
    const after = await fresh<FreshTrace>(TRACE);
    const total = after.directive.tasks.find((task) => task.id === central.id)?.implementationProgress.total;
    await directivePage.waitForFunction(
      ([selector, text]) => document.querySelector(selector)?.textContent === text,
      [
        `section.card[data-task="${central.id}"] .implementation`,
        `Triển khai ở tỉnh và xã: ${total?.total} nhiệm vụ · đúng hạn ${total?.completedOnTime} · quá hạn ${total?.overdue}`,
      ] as const,
      { timeout: 3000 },
    );
    expect(total?.completedOnTime).toBe(1);
  });
});
