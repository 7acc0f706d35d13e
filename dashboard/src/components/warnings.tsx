import { taskHref } from '../router';
import { Link } from './link';

/** A task on a warning list. */
export interface WarningTask {
  id: string;
  ordinal: string | null;
  content: string;
  state: { dueDate: string | null };
}

/** The three warning lists of a province's or a commune's plan tasks. */
export interface WarningLists {
  staleReports: WarningTask[];
  dueSoon: WarningTask[];
  overdue: WarningTask[];
}

const TASK = 'id ordinal content state { dueDate }';
/** The selection of the warning lists that Warnings shows. */
export const WARNING_FIELDS = `warnings { staleReports { ${TASK} } dueSoon { ${TASK} } overdue { ${TASK} } }`;

/** The warning list for late or missing updates: overdue, due within 7 days, reports older than their period. */
export function Warnings(props: { warnings: WarningLists }) {
  const lists: [string, WarningTask[], string][] = [
    ['Quá hạn', props.warnings.overdue, 'overdue'],
    ['Sắp đến hạn (7 ngày)', props.warnings.dueSoon, 'due-soon'],
    ['Chậm báo cáo', props.warnings.staleReports, 'stale'],
  ];
  return (
    <section aria-labelledby="warnings-title">
      <h2 id="warnings-title">Cảnh báo</h2>
      {lists.map(([title, tasks, key]) => (
        <details key={key} data-warning={key}>
          <summary>
            {title}: <strong class="count">{tasks.length}</strong>
          </summary>
          <ul class="links">
            {tasks.map((task) => (
              <li key={task.id}>
                <Link href={taskHref(task.id)}>
                  {task.ordinal ? `${task.ordinal} ` : ''}
                  {task.content}
                </Link>{' '}
                <span class="muted">(hạn {task.state.dueDate ?? '—'})</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
