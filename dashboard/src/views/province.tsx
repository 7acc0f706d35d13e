import { useRef } from 'preact/hooks';
import { read } from '../api';
import { ConnectionBadge } from '../components/connection';
import { LightBar, LightDot } from '../components/lights';
import { Link } from '../components/link';
import { useCoalesced, useFollow, useLoad } from '../hooks';
import { STATUS_LABEL, formatShare, type Light, type TaskStatus } from '../labels';
import { taskHref } from '../router';
import { ROLLUP_FIELDS, type Rollup } from '../rollup';

interface PlanTask {
  id: string;
  ordinal: string | null;
  content: string;
  lead: { text: string } | null;
  deadline: { text: string } | null;
  status: TaskStatus;
  progress: number;
  state: { light: Light };
}
interface WarningTask {
  id: string;
  ordinal: string | null;
  content: string;
  state: { dueDate: string | null };
}
interface Counts {
  progress: Rollup;
  communeProgress: Rollup;
  communeRanking: {
    rank: number | null;
    onTimeShare: number | null;
    judged: number;
    commune: { code: string; name: string };
  }[];
  warnings: { staleReports: WarningTask[]; dueSoon: WarningTask[]; overdue: WarningTask[] };
}
interface Province extends Counts {
  code: string;
  name: string;
  plans: {
    id: string;
    number: string | null;
    title: string;
    issuedOnText: string | null;
    tasks: PlanTask[];
  }[];
}

const COUNTS_FIELDS = `
  progress { ${ROLLUP_FIELDS} }
  communeProgress { ${ROLLUP_FIELDS} }
  communeRanking { rank onTimeShare judged commune { code name } }
  warnings {
    staleReports { id ordinal content state { dueDate } }
    dueSoon { id ordinal content state { dueDate } }
    overdue { id ordinal content state { dueDate } }
  }
`;
const PROVINCE = `
  query ProvinceView($code: String!) {
    province(code: $code) {
      code name
      ${COUNTS_FIELDS}
      plans {
        id number title issuedOnText
        tasks { id ordinal content lead { text } deadline { text } status progress state { light } }
      }
    }
  }
`;
const COUNTS = `query ProvinceCounts($code: String!) { province(code: $code) { ${COUNTS_FIELDS} } }`;

/** A province: its plans and their tasks, its communes ranked, its warning list; all live. */
export function ProvinceView(props: { code: string }) {
  const loaded = useLoad(`province:${props.code}`, () =>
    read<{ province: Province | null }>(PROVINCE, { code: props.code }),
  );
  const issued = useRef(0);
  const refresh = useCoalesced<true>(300, () => {
    const round = ++issued.current;
    void read<{ province: Counts | null }>(COUNTS, { code: props.code }).then((fresh) => {
      if (round !== issued.current || !fresh.province) return;
      const counts = fresh.province;
      loaded.set(({ province }) => ({ province: province && { ...province, ...counts } }));
    });
  });
  const state = useFollow(
    `province:${props.code}`,
    { provinceCode: props.code },
    {
      onEvent: (event) => {
        const { task } = event;
        loaded.set(({ province }) => ({
          province: province && {
            ...province,
            plans: province.plans.map((plan) => ({
              ...plan,
              tasks: plan.tasks.map((row) =>
                row.id === task.id
                  ? {
                      ...row,
                      status: task.status,
                      progress: task.progress,
                      state: { light: task.state.light },
                    }
                  : row,
              ),
            })),
          },
        }));
        refresh(true);
      },
      onResync: () => loaded.reload(),
    },
  );
  if (loaded.error) return <p class="error">{loaded.error}</p>;
  if (loaded.data === null) return <p aria-busy="true">Đang tải…</p>;
  const province = loaded.data.province;
  if (!province) return <h1>Không có tỉnh mã {props.code}</h1>;
  return (
    <>
      <div class="title-row">
        <h1>{province.name}</h1>
        <ConnectionBadge state={state} />
      </div>
      <section class="summary" aria-label="Tiến độ nhiệm vụ của tỉnh" data-testid="province-total">
        <p>
          Kế hoạch của tỉnh: <strong class="total">{province.progress.total}</strong> nhiệm vụ · đúng hạn{' '}
          <strong class="on-time">{province.progress.completedOnTime}</strong> · quá hạn{' '}
          <strong class="overdue">{province.progress.overdue}</strong>
        </p>
        <LightBar counts={province.progress} />
        <p>
          Kế hoạch của các xã: <strong class="commune-total">{province.communeProgress.total}</strong> nhiệm
          vụ · quá hạn <strong>{province.communeProgress.overdue}</strong>
        </p>
        <LightBar counts={province.communeProgress} />
      </section>
      <div class="columns">
        <CommuneRanking rows={province.communeRanking} />
        <Warnings warnings={province.warnings} />
      </div>
      {province.plans.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
          <h2 id={`plan-${plan.id}`}>
            Kế hoạch {plan.number ?? '(không số)'}: {plan.title}
          </h2>
          <PlanTable tasks={plan.tasks} />
        </section>
      ))}
    </>
  );
}

function PlanTable(props: { tasks: PlanTask[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">TT</th>
          <th scope="col">Nội dung nhiệm vụ</th>
          <th scope="col">Chủ trì</th>
          <th scope="col">Thời hạn</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Đèn</th>
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
            <td class="status">
              {STATUS_LABEL[task.status]} ({task.progress} %)
            </td>
            <td class="light">
              <LightDot light={task.state.light} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CommuneRanking(props: { rows: Counts['communeRanking'] }) {
  return (
    <section aria-labelledby="commune-ranking-title">
      <h2 id="commune-ranking-title">Xếp hạng các xã</h2>
      {props.rows.length === 0 ? (
        <p class="muted">Chưa xã nào có kế hoạch trong hệ thống.</p>
      ) : (
        <table class="ranking">
          <thead>
            <tr>
              <th scope="col">Hạng</th>
              <th scope="col">Xã, phường</th>
              <th scope="col">Tỷ lệ đúng hạn</th>
              <th scope="col">Đã đánh giá</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.commune.code}>
                <td class="rank">{row.rank ?? '—'}</td>
                <th scope="row">{row.commune.name}</th>
                <td class="share">{formatShare(row.onTimeShare)}</td>
                <td class="judged">{row.judged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Warnings(props: { warnings: Counts['warnings'] }) {
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
