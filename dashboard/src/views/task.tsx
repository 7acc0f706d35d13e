import type { ComponentChildren } from 'preact';
import { read } from '../api';
import { ConnectionBadge } from '../components/connection';
import { ExportButtons } from '../components/export-buttons';
import type { Sheet } from '../export/sheet';
import { LightDot } from '../components/lights';
import { Link } from '../components/link';
import { ReportForm } from './report-form';
import { useFollow, useLoad } from '../hooks';
import { STATUS_LABEL, formatTime, type Light, type TaskStatus } from '../labels';
import type { LiveEvent } from '../live';
import { communeHref, directiveHref, provinceHref, taskHref } from '../router';

type HistoryEvent = Pick<
  LiveEvent,
  'cursor' | 'kind' | 'changes' | 'at' | 'actor' | 'from' | 'to' | 'progress' | 'note' | 'evidence'
>;
interface Linked {
  id: string;
  ordinal: string | null;
  content: string;
  state?: { light: Light };
  directive?: { number: string | null };
  plan?: { number: string | null; province?: { code: string; name: string } };
  commune?: { code: string; name: string };
}
interface TaskDetail {
  __typename: 'CentralTask' | 'ProvincialTask' | 'CommuneTask';
  id: string;
  ordinal: string | null;
  content: string;
  section: string | null;
  group: number | null;
  output: string | null;
  notes: string | null;
  evidence?: string | null;
  lead: { text: string } | null;
  cooperating: { text: string } | null;
  deadline: { text: string; dueDate: string | null } | null;
  centralDeadline: { text: string } | null;
  status: TaskStatus;
  progress: number;
  version: number;
  removedAt: string | null;
  removedBasis: string | null;
  state: { light: Light; overdue: boolean; dueDate: string | null; daysLeft: number | null };
  history: { events: HistoryEvent[] };
  directive?: { number: string | null; title: string };
  plan?: { number: string | null; title: string; province?: { code: string; name: string } };
  commune?: { code: string; name: string; province: { code: string; name: string } };
  centralTasks?: Linked[];
  provincialTasks?: Linked[];
  communeTasks?: Linked[];
}

const LINK = 'id ordinal content state { light }';
const TASK = `
  fragment TaskFields on Task {
    id ordinal content section group output notes status progress version removedAt removedBasis
    lead { text } cooperating { text } deadline { text dueDate } centralDeadline { text }
    state { light overdue dueDate daysLeft }
    history(first: 50) {
      events { cursor kind changes { field from to } at actor from to progress note evidence { title url documentNumber } }
    }
  }
  query TaskView($id: ID!) {
    centralTask(id: $id) {
      __typename ...TaskFields evidence directive { number title }
      provincialTasks { ${LINK} plan { number province { code name } } }
      communeTasks { ${LINK} commune { code name } }
    }
    provincialTask(id: $id) {
      __typename ...TaskFields plan { number title province { code name } }
      centralTasks { ${LINK} directive { number } }
      communeTasks { ${LINK} commune { code name } }
    }
    communeTask(id: $id) {
      __typename ...TaskFields plan { number title } commune { code name province { code name } }
      centralTasks { ${LINK} directive { number } }
      provincialTasks { ${LINK} plan { number province { code name } } }
    }
  }
`;
type TaskAnswer = Record<'centralTask' | 'provincialTask' | 'communeTask', TaskDetail | null>;

/** A task: its fields as printed, its state, its history as a timeline and its links up and down the trace. */
export function TaskView(props: { id: string }) {
  const loaded = useLoad(`task:${props.id}`, () => read<TaskAnswer>(TASK, { id: props.id }));
  const task =
    loaded.data && (loaded.data.centralTask ?? loaded.data.provincialTask ?? loaded.data.communeTask);
  const state = useFollow(
    `task:${props.id}`,
    { taskId: props.id },
    {
      // The newest event of the history (or the log's head when it has none): no report falls between.
      after: task?.history.events[0]?.cursor ?? loaded.head,
      onEvent: (event) => loaded.set((old) => withChange(old, event.task.id, event, event.task)),
      onResync: () => loaded.reload(),
    },
    loaded.data !== null,
  );
  if (loaded.error) return <p class="error">{loaded.error}</p>;
  if (loaded.data === null) return <p aria-busy="true">Đang tải…</p>;
  if (!task) return <h1>Không tìm thấy nhiệm vụ</h1>;
  return (
    <>
      <TraceUp task={task} />
      <div class="title-row">
        <h1>
          {task.ordinal ? `Nhiệm vụ ${task.ordinal} ` : 'Nhiệm vụ '}
          <span class="task-content">{task.content}</span>
        </h1>
        <ConnectionBadge state={state} />
      </div>
      {task.removedAt ? (
        <p class="removed" role="status">
          Đã đưa ra khỏi kế hoạch ngày {formatTime(task.removedAt)} theo {task.removedBasis ?? '—'}; nhiệm vụ
          không còn được tính trong tổng hợp.
        </p>
      ) : null}
      <Fields task={task} />
      <ReportForm
        key={task.id}
        task={{ ...task, jurisdiction: jurisdictionOf(task) }}
        onAccepted={(accepted) =>
          loaded.set((old) => withChange(old, task.id, accepted.event, accepted.task))
        }
      />
      <TraceDown task={task} />
      <Timeline events={task.history.events} />
      <ExportButtons sheet={() => historySheet(task)} />
    </>
  );
}

/** The answer with a report on top of the history and the task as it left it (a report comes once). */
function withChange(
  answer: TaskAnswer,
  taskId: string,
  event: HistoryEvent,
  after: Pick<TaskDetail, 'status' | 'progress' | 'version'> & { state: { light: Light; overdue: boolean } },
): TaskAnswer {
  const update = (task: TaskDetail | null): TaskDetail | null => {
    if (!task || task.id !== taskId) return task;
    // The page's own report arrives twice (its answer, then the feed); the feed may also replay.
    if (task.history.events.some((known) => known.cursor === event.cursor)) return task;
    return {
      ...task,
      status: after.status,
      progress: after.progress,
      version: Math.max(task.version, after.version),
      state: { ...task.state, light: after.state.light, overdue: after.state.overdue },
      history: { events: [event, ...task.history.events] },
    };
  };
  return {
    centralTask: update(answer.centralTask),
    provincialTask: update(answer.provincialTask),
    communeTask: update(answer.communeTask),
  };
}

/** The task's reports as the timeline prints them, newest first: the sheet a committee sends upward. */
function historySheet(task: TaskDetail): Sheet {
  return {
    name: `nhiem-vu-${task.id.slice(0, 8)}`,
    title: `Nhiệm vụ ${task.ordinal ? `${task.ordinal} ` : ''}${task.content}`,
    columns: ['Thời điểm', 'Người báo cáo', 'Từ', 'Sang', 'Tiến độ (%)', 'Ghi chú'],
    rows: task.history.events.map((event) => [
      formatTime(event.at),
      event.actor,
      STATUS_LABEL[event.from],
      STATUS_LABEL[event.to],
      event.progress,
      event.kind === 'STATUS' ? (event.note ?? '') : amendmentNote(event),
    ]),
  };
}

/** Whose the task is, as a token's jurisdiction claim says it. */
function jurisdictionOf(task: TaskDetail): string {
  return task.commune?.code ?? task.plan?.province?.code ?? 'central';
}

function TraceUp(props: { task: TaskDetail }) {
  const { task } = props;
  const crumbs: ComponentChildren[] = [<Link href="/">Toàn quốc</Link>];
  const province = task.commune?.province ?? task.plan?.province;
  if (province) crumbs.push(<Link href={provinceHref(province.code)}>{province.name}</Link>);
  if (task.commune) crumbs.push(<Link href={communeHref(task.commune.code)}>{task.commune.name}</Link>);
  if (task.directive?.number)
    crumbs.push(<Link href={directiveHref(task.directive.number)}>{task.directive.number}</Link>);
  if (task.plan) crumbs.push(<span>Kế hoạch {task.plan.number ?? '(không số)'}</span>);
  return (
    <nav aria-label="Vị trí trong chuỗi thực hiện" class="crumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={index}>{crumb}</li>
        ))}
      </ol>
    </nav>
  );
}

// The printed fields as the task view names them: the rows of Fields, and the changes of an amendment.
const FIELD_LABEL: Record<string, string> = {
  ordinal: 'Số thứ tự',
  section: 'Mục',
  content: 'Nội dung',
  lead: 'Cơ quan chủ trì',
  cooperating: 'Cơ quan phối hợp',
  deadline: 'Thời hạn',
  centralDeadline: 'Thời hạn Trung ương giao',
  output: 'Sản phẩm, kết quả',
  notes: 'Ghi chú',
  implements: 'Thực hiện nhiệm vụ',
  removedFromPlan: 'Đưa ra khỏi kế hoạch',
};

function Fields(props: { task: TaskDetail }) {
  const { task } = props;
  const document = task.directive ?? task.plan;
  const rows: [string, ComponentChildren, string][] = [
    ['Văn bản', document ? `${document.number ?? '(không số)'}: ${document.title}` : '—', 'document'],
    [FIELD_LABEL.section, task.section ?? '—', 'section'],
    ['Nhóm nhiệm vụ (NQ 57)', task.group ?? '—', 'group'],
    [FIELD_LABEL.lead, task.lead?.text ?? '—', 'lead'],
    [FIELD_LABEL.cooperating, task.cooperating?.text ?? '—', 'cooperating'],
    [FIELD_LABEL.deadline, task.deadline?.text ?? '—', 'deadline'],
    [FIELD_LABEL.centralDeadline, task.centralDeadline?.text ?? '—', 'central-deadline'],
    [FIELD_LABEL.output, task.output ?? '—', 'output'],
    [FIELD_LABEL.notes, task.notes ?? '—', 'notes'],
    ['Trạng thái', `${STATUS_LABEL[task.status]} (${task.progress} %)`, 'status'],
    ['Đèn tiến độ', <LightDot light={task.state.light} />, 'light'],
    ['Hạn tính đến nay', dueText(task.state), 'due'],
  ];
  if (task.evidence) rows.push(['Căn cứ ghi nhận', task.evidence, 'evidence']);
  return (
    <dl class="fields">
      {rows.map(([term, value, key]) => (
        <div key={key} data-field={key}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function dueText(state: TaskDetail['state']): string {
  if (!state.dueDate) return '—';
  if (state.daysLeft === null) return state.dueDate;
  if (state.overdue) return `${state.dueDate} (quá hạn ${-state.daysLeft} ngày)`;
  return `${state.dueDate} (còn ${state.daysLeft} ngày)`;
}

function TraceDown(props: { task: TaskDetail }) {
  const { task } = props;
  const groups: [string, Linked[] | undefined, string][] = [
    ['Thực hiện nhiệm vụ trung ương', task.centralTasks, 'central'],
    [
      'Thực hiện nhiệm vụ của tỉnh',
      task.__typename === 'CommuneTask' ? task.provincialTasks : undefined,
      'provincial-up',
    ],
    [
      'Nhiệm vụ cấp tỉnh thực hiện',
      task.__typename === 'CentralTask' ? task.provincialTasks : undefined,
      'provincial-down',
    ],
    ['Nhiệm vụ cấp xã thực hiện', task.communeTasks, 'commune-down'],
  ];
  return (
    <>
      {groups
        .filter(([, links]) => links && links.length > 0)
        .map(([title, links, key]) => (
          <section key={key} aria-labelledby={`links-${key}`} data-links={key}>
            <h2 id={`links-${key}`}>{title}</h2>
            <ul class="links">
              {links?.map((link) => (
                <li key={link.id}>
                  <Link href={taskHref(link.id)}>
                    {placeOfLink(link)} {link.ordinal ? `${link.ordinal} ` : ''}
                    {link.content}
                  </Link>
                  {link.state ? <LightDot light={link.state.light} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}

function placeOfLink(link: Linked): string {
  if (link.directive) return `[${link.directive.number ?? 'Trung ương'}]`;
  if (link.commune) return `[${link.commune.name}]`;
  if (link.plan) return `[${link.plan.province?.name ?? ''} ${link.plan.number ?? ''}]`.replace(' ]', ']');
  return '';
}

const KIND_LABEL: Record<HistoryEvent['kind'], string> = {
  STATUS: 'Báo cáo',
  AMENDED: 'Điều chỉnh nội dung',
  REMOVED: 'Đưa ra khỏi kế hoạch',
  UNLINKED: 'Bỏ liên kết',
};

/** An amendment as one cell of the history sheet: what it was, each change, and the document behind it. */
function amendmentNote(event: HistoryEvent): string {
  const changes = event.changes.map(
    (change) =>
      `${FIELD_LABEL[change.field] ?? change.field}: “${change.from ?? '—'}” → “${change.to ?? '—'}”`,
  );
  return [`${KIND_LABEL[event.kind]}: ${changes.join('; ')}`, event.note].filter(Boolean).join('. ');
}

/** What one event of the timeline changed: the status for a report, each field for an amendment. */
function EventChange(props: { event: HistoryEvent }) {
  const { event } = props;
  if (event.kind === 'STATUS') {
    return (
      <p class="change">
        {STATUS_LABEL[event.from]} → {STATUS_LABEL[event.to]}, tiến độ {event.progress} %
      </p>
    );
  }
  return (
    <>
      <p class="change">{KIND_LABEL[event.kind]}</p>
      <ul class="amendment" aria-label="Thay đổi">
        {event.changes.map((change) => (
          <li key={change.field} data-field={change.field}>
            {FIELD_LABEL[change.field] ?? change.field}: “{change.from ?? '—'}” → “{change.to ?? '—'}”
          </li>
        ))}
      </ul>
    </>
  );
}

function Timeline(props: { events: HistoryEvent[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Lịch sử báo cáo</h2>
      {props.events.length === 0 ? (
        <p class="muted">Chưa có báo cáo nào.</p>
      ) : (
        <ol class="timeline">
          {props.events.map((event) => (
            <li key={event.cursor} data-cursor={event.cursor}>
              <time dateTime={event.at}>{formatTime(event.at)}</time>
              <EventChange event={event} />
              <p class="muted">
                {event.kind === 'STATUS' ? 'Người báo cáo' : 'Người điều chỉnh'}: {event.actor}
              </p>
              {event.note ? <p class="note">{event.note}</p> : null}
              {event.evidence.length > 0 ? (
                <ul class="evidence" aria-label="Minh chứng">
                  {event.evidence.map((item, index) => (
                    <li key={index}>
                      Minh chứng:{' '}
                      {item.url && /^https?:\/\//.test(item.url) ? (
                        <a href={item.url}>{item.title}</a>
                      ) : (
                        item.title
                      )}
                      {item.documentNumber ? ` (${item.documentNumber})` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
