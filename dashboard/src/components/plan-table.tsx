import { STATUS_LABEL, type Light, type TaskStatus } from '../labels';
import type { LiveEvent } from '../live';
import { taskHref } from '../router';
import type { Sheet } from '../export/sheet';
import { LightDot, lightWord } from './lights';
import { Link } from './link';

/** A plan's task as the province and commune views show it. */
export interface PlanTask {
  id: string;
  ordinal: string | null;
  content: string;
  lead: { text: string } | null;
  deadline: { text: string } | null;
  status: TaskStatus;
  progress: number;
  state: { light: Light };
}

/** A plan with its tasks, in document order. */
export interface PlanWithTasks {
  id: string;
  number: string | null;
  title: string;
  tasks: PlanTask[];
}

/** The selection of a plan and its tasks that PlanTable shows. */
export const PLAN_FIELDS =
  'id number title tasks { id ordinal content lead { text } deadline { text } status progress state { light } }';

/** The plans with the row of the event's task as the event left it; other rows unchanged. */
export function withPlanEvent<P extends PlanWithTasks>(plans: P[], event: LiveEvent): P[] {
  const { task } = event;
  return plans.map((plan) => ({
    ...plan,
    tasks: plan.tasks.map((row) =>
      row.id === task.id
        ? { ...row, status: task.status, progress: task.progress, state: { light: task.state.light } }
        : row,
    ),
  }));
}

/** The status cell's words: "Đang thực hiện (30 %)". */
export function statusText(task: { status: TaskStatus; progress: number }): string {
  return `${STATUS_LABEL[task.status]} (${task.progress} %)`;
}

const PLAN_COLUMNS = ['TT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Trạng thái', 'Đèn'];

/** The cells of a task's row, as the table prints them. */
function cellsOf(task: PlanTask): string[] {
  return [
    task.ordinal ?? '',
    task.content,
    task.lead?.text ?? '—',
    task.deadline?.text ?? '—',
    statusText(task),
    lightWord(task.state.light),
  ];
}

/** Every plan's tasks as one sheet, the plan's number first on each row (the page shows it as a heading). */
export function plansSheet(name: string, title: string, plans: PlanWithTasks[]): Sheet {
  return {
    name,
    title,
    columns: ['Kế hoạch', ...PLAN_COLUMNS],
    rows: plans.flatMap((plan) => plan.tasks.map((task) => [plan.number ?? '(không số)', ...cellsOf(task)])),
  };
}

/** A plan's tasks: ordinal, content, lead and deadline as printed, status with progress, light. */
export function PlanTable(props: { tasks: PlanTask[] }) {
  return (
    <table class="plan-tasks">
      <thead>
        <tr>
          {PLAN_COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((task) => (
          <tr key={task.id} data-task={task.id}>
            <td>{task.ordinal ?? ''}</td>
            <td>
              <Link href={taskHref(task.id)}>{task.content}</Link>
            </td>
            <td>{task.lead?.text ?? '—'}</td>
            <td>{task.deadline?.text ?? '—'}</td>
            <td class="status">{statusText(task)}</td>
            <td class="light">
              <LightDot light={task.state.light} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
