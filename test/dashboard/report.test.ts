import type { Page } from 'playwright-core';
import { useTestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';
import { openPage, screenshot, seriousViolations, useBrowser } from '../support/browser';
import { REPORT_PROVINCIAL, TRACE, type FreshTrace } from './dashboard-queries';

// Reporting from the page: sign in by pasting a token, report on a task, see it on another open page, and see
// the hub's refusals (VERSION_CONFLICT, FORBIDDEN, UNAUTHENTICATED) in plain Vietnamese.
jest.setTimeout(120000);
const browser = useBrowser();
const hub = useTestHub();
let page: Page;
let watcher: Page;

const origin = (): string => hub().gateway.url.replace(/\/graphql$/, '');
const thaiNguyen = (): Promise<string> =>
  tokenFor({ role: 'reporter', jurisdiction: '19', subject: 'so-khcn.thainguyen' });

async function fresh<T>(query: string): Promise<T> {
  const answer = await hub().query<T>(query, {}, null);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

/** The README's trace: 71/NQ-CP#5, carried out by Thái Nguyên's row 80 and by Xã Thuận An directly. */
async function trace(): Promise<FreshTrace['directive']['tasks'][number]> {
  const { directive } = await fresh<FreshTrace>(TRACE);
  const task = directive.tasks.find((candidate) => candidate.ref.endsWith('#5'));
  if (!task) throw new Error('71/NQ-CP#5 is not in the seed data');
  return task;
}

async function signInWith(token: string): Promise<void> {
  await page.getByText('Đăng nhập để báo cáo').click();
  await page.getByLabel('Mã đăng nhập (bearer token do hệ thống định danh cấp)').fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

async function fillReport(fields: {
  status: string;
  progress?: string;
  note?: string;
  evidence?: [string, string];
}): Promise<void> {
  await page.getByLabel('Trạng thái', { exact: true }).selectOption({ label: fields.status });
  if (fields.progress !== undefined) await page.getByLabel('Tiến độ (%)').fill(fields.progress);
  if (fields.note !== undefined) await page.getByLabel(/^Ghi chú/).fill(fields.note);
  if (fields.evidence) {
    await page.getByLabel('Minh chứng: tên văn bản, tài liệu').fill(fields.evidence[0]);
    await page.getByLabel('Minh chứng: số văn bản hoặc đường dẫn (http…)').fill(fields.evidence[1]);
  }
}

const outcome = (): Promise<string> => page.locator('[data-testid=outcome]').innerText();

/** Sends the form and returns what the page then says, once it says something new. */
async function send(): Promise<string> {
  const before = (await page.locator('[data-testid=outcome]').count()) > 0 ? await outcome() : null;
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.waitForFunction((previous) => {
    const text = document.querySelector('[data-testid=outcome]')?.textContent ?? null;
    return text !== null && text !== previous && !document.querySelector('.report button[disabled]');
  }, before);
  return outcome();
}

beforeAll(async () => {
  page = await openPage(browser());
  watcher = await openPage(browser());
});

describe('reporting from the page', () => {
  it('signs in with a pasted token, reports on a task of its province, and another open page shows it', async () => {
    const provincial = (await trace()).provincialTasks[0];
    await watcher.goto(`${origin()}/tinh/19`);
    await watcher.locator('[role=status][data-state=live]').waitFor();
    await page.goto(`${origin()}/nhiem-vu/${provincial.id}`);
    await expect(page.locator('.report p').innerText()).resolves.toBe(
      'Để báo cáo tiến độ nhiệm vụ này, hãy đăng nhập (dán mã đăng nhập) ở đầu trang.',
    );
    await signInWith(await thaiNguyen());
    await expect(page.locator('[data-testid=session] .who').innerText()).resolves.toBe(
      'Đã đăng nhập: so-khcn.thainguyen · Người báo cáo · tỉnh, thành phố mã 19',
    );
    await page.locator('[role=status][data-state=live]').waitFor();
    await fillReport({
      status: 'Đang thực hiện',
      progress: '30',
      note: 'Đã khảo sát nhu cầu ứng dụng AI',
      evidence: ['Báo cáo khảo sát', '12/BC-SKHCN'],
    });
    const sentAt = Date.now();
    await expect(send()).resolves.toBe(
      `Đã ghi nhận báo cáo: Đang thực hiện, tiến độ 30 % (phiên bản ${provincial.version + 1}).`,
    );
    await watcher.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-task="${id}"] td.status`)?.textContent === 'Đang thực hiện (30 %)',
      provincial.id,
      { timeout: 2000 },
    );
    expect(Date.now() - sentAt).toBeLessThan(2000);
    // The page's own timeline holds the report once (its answer and the feed's event are one event).
    await expect(page.locator('.timeline > li').count()).resolves.toBe(1);
    await expect(page.locator('.timeline > li .change').innerText()).resolves.toBe(
      'Chưa thực hiện → Đang thực hiện, tiến độ 30 %',
    );
    await expect(page.locator('.timeline > li .muted').innerText()).resolves.toBe(
      'Người báo cáo: so-khcn.thainguyen',
    );
    await expect(page.locator('.timeline .evidence li').innerText()).resolves.toBe(
      'Minh chứng: Báo cáo khảo sát (12/BC-SKHCN)',
    );
    await expect(page.locator('[data-field=status] dd').innerText()).resolves.toBe('Đang thực hiện (30 %)');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'bao-cao');
  });

  it('shows a version conflict when someone else reported after the form was prepared, and then records', async () => {
    const provincial = (await trace()).provincialTasks[0];
    const other = await hub().query(
      REPORT_PROVINCIAL,
      {
        input: {
          id: provincial.id,
          status: 'IN_PROGRESS',
          progress: 50,
          note: 'Báo cáo từ hệ thống của sở',
          expectedVersion: provincial.version,
        },
      },
      await thaiNguyen(),
    );
    expect(other.errors).toBeUndefined();
    // The feed brings the other report in; the form was prepared against the version before it.
    await page.locator('[data-testid=moved-on]').waitFor({ timeout: 2000 });
    await fillReport({ status: 'Đang thực hiện', progress: '60', note: 'Đã thử nghiệm' });
    await expect(send()).resolves.toBe(
      `Báo cáo chưa được ghi: nhiệm vụ đã có báo cáo khác (nay là phiên bản ${provincial.version + 1}, biểu mẫu ` +
        `lập theo phiên bản ${provincial.version}). Xem lại trạng thái mới nhất, rồi bấm "Gửi báo cáo" lần nữa.`,
    );
    await expect(send()).resolves.toBe(
      `Đã ghi nhận báo cáo: Đang thực hiện, tiến độ 60 % (phiên bản ${provincial.version + 2}).`,
    );
    await expect(page.locator('.timeline > li .change').allInnerTexts()).resolves.toEqual([
      'Đang thực hiện → Đang thực hiện, tiến độ 60 %',
      'Đang thực hiện → Đang thực hiện, tiến độ 50 %',
      'Chưa thực hiện → Đang thực hiện, tiến độ 30 %',
    ]);
  });

  it('says plainly that a task outside the jurisdiction is refused (FORBIDDEN)', async () => {
    const commune = (await trace()).communeTasks[0];
    await page.goto(`${origin()}/nhiem-vu/${commune.id}`);
    await expect(page.locator('[data-testid=foreign]').innerText()).resolves.toBe(
      'Nhiệm vụ thuộc xã, phường mã 24682; tài khoản của bạn thuộc tỉnh, thành phố mã 19, nên hệ thống sẽ không nhận báo cáo.',
    );
    await fillReport({ status: 'Đang thực hiện', progress: '10' });
    await expect(send()).resolves.toBe(
      'Không được báo cáo nhiệm vụ này: nhiệm vụ thuộc xã, phường mã 24682, tài khoản của bạn thuộc tỉnh, thành phố mã 19.',
    );
    await expect(page.locator('[data-field=status] dd').innerText()).resolves.toBe('Chưa thực hiện (0 %)');
  });

  it('shows who a forged token claims to be, and that the hub does not accept it (UNAUTHENTICATED)', async () => {
    const commune = (await trace()).communeTasks[0];
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signInWith('not a token');
    await expect(page.locator('.sign-in [role=alert]').innerText()).resolves.toBe(
      'Mã không đúng dạng: mã đăng nhập gồm ba phần nối bằng dấu chấm.',
    );
    // The claims of Thuận An's reporter with the signature of another token: it reads, but does not verify.
    const [header, payload] = (
      await tokenFor({ role: 'reporter', jurisdiction: '24682', subject: 'ubnd.thuanan' })
    ).split('.');
    const signature = (await thaiNguyen()).split('.')[2];
    await page
      .getByLabel('Mã đăng nhập (bearer token do hệ thống định danh cấp)')
      .fill(`${header}.${payload}.${signature}`);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect(page.locator('[data-testid=session] .who').innerText()).resolves.toBe(
      'Đã đăng nhập: ubnd.thuanan · Người báo cáo · xã, phường mã 24682',
    );
    await fillReport({ status: 'Đang thực hiện', progress: '10' });
    await expect(send()).resolves.toBe(
      'Hệ thống không nhận mã đăng nhập (mã sai, đã hết hạn hoặc không do hệ thống cấp). Hãy đăng xuất và đăng nhập lại bằng mã mới.',
    );
    // The live view is untouched: reads and the feed carry no token.
    await expect(page.locator('[role=status][data-state]').getAttribute('data-state')).resolves.toBe('live');
    const fresh = await hub().query<{ communeTask: { version: number } }>(
      `query FreshVersion($id: ID!) { communeTask(id: $id) { version } }`,
      { id: commune.id },
      null,
    );
    expect(fresh.data?.communeTask.version).toBe(commune.version);
  });
});
