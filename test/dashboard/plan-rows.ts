import type { Page } from 'playwright-core';

/** The words the dashboard prints for each status and light, as the plans write them. */
export const STATUS_WORDS: Record<string, string> = {
  NOT_STARTED: 'Chưa thực hiện',
  IN_PROGRESS: 'Đang thực hiện',
  COMPLETED_ON_TIME: 'Hoàn thành đúng hạn',
  COMPLETED_LATE: 'Hoàn thành quá hạn',
  CANCELLED: 'Hủy bỏ/thay thế',
};
export const LIGHT_WORDS: Record<string, string> = { GREEN: 'Xanh', YELLOW: 'Vàng', RED: 'Đỏ', GREY: 'Xám' };

/** A plan task as the tests read it fresh. */
export interface FreshPlanTask {
  id: string;
  ordinal: string | null;
  content: string;
  version: number;
  lead: { text: string } | null;
  deadline: { text: string } | null;
  status: string;
  progress: number;
  state: { light: string };
}

/** The selection of a fresh plan with its tasks. */
export const FRESH_PLAN = `id number tasks { id ordinal content version lead { text } deadline { text } status progress state { light } }`;

/** A row of a plan table as a person reads it: plan number, ordinal, content, lead, deadline, status, light. */
export function planRow(plan: { number: string | null }, task: FreshPlanTask): string[] {
  return [
    plan.number ?? '(không số)',
    task.ordinal ?? '',
    task.content,
    task.lead?.text ?? '—',
    task.deadline?.text ?? '—',
    `${STATUS_WORDS[task.status]} (${task.progress} %)`,
    LIGHT_WORDS[task.state.light],
  ];
}

/** Every plan table row on the page, its plan's number first, as the browser renders the text. */
export function shownPlanRows(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('section[data-plan]')].flatMap((section) =>
      [...section.querySelectorAll('table.plan-tasks tbody tr')].map((row) => [
        section.getAttribute('data-plan') || '(không số)',
        ...[...row.querySelectorAll('td')].map((cell) => (cell as HTMLElement).innerText.trim()),
      ]),
    ),
  );
}
