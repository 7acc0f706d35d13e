import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { read } from '../api';
import { ConnectionBadge } from '../components/connection';
import { ExportButtons } from '../components/export-buttons';
import { LightBar, LightDot, lightWord } from '../components/lights';
import { statusText } from '../components/plan-table';
import type { Sheet } from '../export/sheet';
import { Link } from '../components/link';
import { useCoalesced, useFollow, useLoad } from '../hooks';
import { STATUS_LABEL, type Light, type TaskStatus } from '../labels';
import type { LiveEvent } from '../live';
import { communeHref, provinceHref, taskHref } from '../router';
import { ROLLUP_FIELDS, type Rollup } from '../rollup';

interface Row {
  id: string;
  ordinal: string | null;
  content: string;
  status: TaskStatus;
  progress: number;
  state: { light: Light };
}
interface ProvincialRow extends Row {
  plan: { number: string | null; province: { code: string; name: string } };
  communeTasks: (Row & { commune: { code: string; name: string } })[];
}
interface CommuneRow extends Row {
  commune: { code: string; name: string; province: { name: string } };
}
interface CentralRow extends Row {
  lead: { text: string } | null;
  deadline: { text: string } | null;
  implementationProgress: { total: Rollup };
  provincialTasks: ProvincialRow[];
  communeTasks: CommuneRow[];
}
interface Directive {
  number: string;
  title: string;
  issuer: string | null;
  issuedOnText: string | null;
  progress: Rollup;
  tasks: CentralRow[];
}

const ROW = 'id ordinal content status progress state { light }';
const DIRECTIVE = `
  query DirectiveView($number: String!) {
    directive(number: $number) {
      number title issuer issuedOnText
      progress { ${ROLLUP_FIELDS} }
      tasks {
        ${ROW}
        lead { text }
        deadline { text }
        implementationProgress { total { ${ROLLUP_FIELDS} } }
        provincialTasks {
          ${ROW}
          plan { number province { code name } }
          communeTasks { ${ROW} commune { code name } }
        }
        communeTasks { ${ROW} commune { code name province { name } } }
      }
    }
  }
`;
const COUNTS = `
  query DirectiveCounts($number: String!) {
    directive(number: $number) {
      progress { ${ROLLUP_FIELDS} }
      tasks { id implementationProgress { total { ${ROLLUP_FIELDS} } } }
    }
  }
`;

/** A row with the status, progress and light the event left its task with; other rows unchanged. */
function applied<T extends Row>(row: T, event: LiveEvent): T {
  if (row.id !== event.task.id) return row;
  return {
    ...row,
    status: event.task.status,
    progress: event.task.progress,
    state: { light: event.task.state.light },
  };
}

/** Every row of the tree updated by `event`: a task may carry out several central tasks, so it may appear twice. */
function applyEvent(directive: Directive, event: LiveEvent): Directive {
  return {
    ...directive,
    tasks: directive.tasks.map((central) => ({
      ...applied(central, event),
      provincialTasks: central.provincialTasks.map((task) => ({
        ...applied(task, event),
        communeTasks: task.communeTasks.map((commune) => applied(commune, event)),
      })),
      communeTasks: central.communeTasks.map((task) => applied(task, event)),
    })),
  };
}

/** A directive: its central tasks, and under each the provincial and commune tasks carrying it out. */
export function DirectiveView(props: { number: string }) {
  const directive = useLoad(`directive:${props.number}`, () =>
    read<{ directive: Directive | null }>(DIRECTIVE, { number: props.number }),
  );
  const issued = useRef(0);
  // Rows change from the event itself; the roll-ups (implementationProgress) are counted in SQL, so read again.
  const refresh = useCoalesced<true>(300, () => {
    const round = ++issued.current;
    void read<{
      directive: Pick<Directive, 'progress'> & { tasks: Pick<CentralRow, 'id' | 'implementationProgress'>[] };
    }>(COUNTS, { number: props.number }).then((fresh) => {
      // An answer that an answer to a later read overtook would put older counts back.
      if (round !== issued.current) return;
      directive.set(({ directive: old }) => ({
        directive: old && {
          ...old,
          progress: fresh.directive.progress,
          tasks: old.tasks.map((task) => ({
            ...task,
            implementationProgress:
              fresh.directive.tasks.find((counted) => counted.id === task.id)?.implementationProgress ??
              task.implementationProgress,
          })),
        },
      }));
    });
  });
  const state = useFollow(
    `directive:${props.number}`,
    { directiveNumber: props.number },
    {
      onEvent: (event) => {
        directive.set(({ directive: old }) => ({ directive: old && applyEvent(old, event) }));
        refresh(true);
      },
      onResync: () => directive.reload(),
      after: directive.head,
    },
    directive.head !== null,
  );
  if (directive.error) return <p class="error">{directive.error}</p>;
  if (directive.data === null) return <p aria-busy="true">Đang tải…</p>;
  const data = directive.data.directive;
  if (data === null) return <h1>Không có văn bản số {props.number}</h1>;
  return (
    <>
      <div class="title-row">
        <h1>
          {data.number}: {data.title}
        </h1>
        <ConnectionBadge state={state} />
      </div>
      <p class="muted">
        {[data.issuer, data.issuedOnText].filter(Boolean).join(', ')} · {data.tasks.length} nhiệm vụ được giao
      </p>
      <section class="summary" aria-label="Tiến độ các nhiệm vụ của văn bản" data-testid="directive-total">
        <p>
          Nhiệm vụ trung ương: <strong class="total">{data.progress.total}</strong> · đúng hạn{' '}
          <strong class="on-time">{data.progress.completedOnTime}</strong> · quá hạn{' '}
          <strong class="overdue">{data.progress.overdue}</strong>
        </p>
        <LightBar counts={data.progress} />
      </section>
      <ExportButtons sheet={() => directiveSheet(data)} />
      {data.tasks.map((task) => (
        <CentralTaskCard key={task.id} task={task} />
      ))}
    </>
  );
}

/** The trace as a sheet: one row per task carrying out a central task, as the cards list them. */
function directiveSheet(directive: Directive): Sheet {
  const line = (central: CentralRow, place: string, row: Row): (string | number)[] => [
    `${central.ordinal ? `${central.ordinal} ` : ''}${central.content}`,
    place,
    `${row.ordinal ? `${row.ordinal} ` : ''}${row.content}`,
    statusText(row),
    lightWord(row.state.light),
  ];
  return {
    name: `chi-thi-${directive.number.replace(/[^\w-]+/g, '-')}`,
    title: `${directive.number}: ${directive.title}`,
    columns: ['Nhiệm vụ trung ương', 'Đơn vị thực hiện', 'Nhiệm vụ', 'Trạng thái', 'Đèn'],
    rows: directive.tasks.flatMap((central) => [
      ...central.provincialTasks.flatMap((task) => [
        line(central, `${task.plan.province.name}${task.plan.number ? ` (${task.plan.number})` : ''}`, task),
        ...task.communeTasks.map((commune) => line(central, `↳ ${commune.commune.name}`, commune)),
      ]),
      ...central.communeTasks.map((task) =>
        line(central, `${task.commune.name}, ${task.commune.province.name}`, task),
      ),
    ]),
  };
}

function CentralTaskCard(props: { task: CentralRow }) {
  const { task } = props;
  const total = task.implementationProgress.total;
  return (
    <section class="card" data-task={task.id} aria-labelledby={`t-${task.id}`}>
      <h2 id={`t-${task.id}`}>
        <Link href={taskHref(task.id)}>
          {task.ordinal ? `${task.ordinal} ` : ''}
          {task.content}
        </Link>
      </h2>
      <p class="muted">
        Chủ trì: {task.lead?.text ?? '—'} · Thời hạn: {task.deadline?.text ?? '—'} ·{' '}
        <LightDot light={task.state.light} />
      </p>
      <p class="implementation">
        Triển khai ở tỉnh và xã: <strong class="total">{total.total}</strong> nhiệm vụ · đúng hạn{' '}
        <strong class="on-time">{total.completedOnTime}</strong> · quá hạn{' '}
        <strong class="overdue">{total.overdue}</strong>
      </p>
      <LightBar counts={total} />
      {task.provincialTasks.length + task.communeTasks.length === 0 ? (
        <p class="muted">Chưa có tỉnh, xã nào ghi nhận nhiệm vụ thực hiện.</p>
      ) : (
        <ImplementersTable task={task} />
      )}
    </section>
  );
}

function ImplementersTable(props: { task: CentralRow }) {
  return (
    <table class="implementers">
      <caption class="visually-hidden">Các tỉnh, xã thực hiện nhiệm vụ</caption>
      <thead>
        <tr>
          <th scope="col">Đơn vị thực hiện</th>
          <th scope="col">Nhiệm vụ</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Đèn</th>
        </tr>
      </thead>
      <tbody>
        {props.task.provincialTasks.map((row) => [
          <ImplementerRow
            key={row.id}
            row={row}
            place={<Link href={provinceHref(row.plan.province.code)}>{row.plan.province.name}</Link>}
            source={row.plan.number}
          />,
          ...row.communeTasks.map((commune) => (
            <ImplementerRow
              key={`${row.id}/${commune.id}`}
              row={commune}
              place={`↳ ${commune.commune.name}`}
              nested
            />
          )),
        ])}
        {props.task.communeTasks.map((row) => (
          <ImplementerRow
            key={row.id}
            row={row}
            place={
              <Link href={communeHref(row.commune.code)}>
                {row.commune.name}, {row.commune.province.name}
              </Link>
            }
          />
        ))}
      </tbody>
    </table>
  );
}

function ImplementerRow(props: {
  row: Row;
  place: ComponentChildren;
  source?: string | null;
  nested?: boolean;
}) {
  const { row } = props;
  return (
    <tr data-task={row.id} class={props.nested ? 'nested' : undefined}>
      <td class="place">
        {props.place}
        {props.source ? <span class="muted"> ({props.source})</span> : null}
      </td>
      <td>
        <Link href={taskHref(row.id)}>
          {row.ordinal ? `${row.ordinal} ` : ''}
          {row.content}
        </Link>
      </td>
      <td class="status">
        {STATUS_LABEL[row.status]} ({row.progress} %)
      </td>
      <td class="light">
        <LightDot light={row.state.light} />
      </td>
    </tr>
  );
}
