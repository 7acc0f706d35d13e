import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { read } from '../api';
import { ConnectionBadge } from '../components/connection';
import { ExportButtons } from '../components/export-buttons';
import { LightDot, lightWord } from '../components/lights';
import { Link } from '../components/link';
import { statusText } from '../components/plan-table';
import type { Sheet } from '../export/sheet';
import { useFollow, useLoad } from '../hooks';
import type { LiveEvent } from '../live';
import { LEVEL_LABEL, LIGHT_LABEL, STATUS_LABEL, type Level, type Light, type TaskStatus } from '../labels';
import { navigate, searchHref, taskHref, type SearchParams } from '../router';

interface Hit {
  cursor: string;
  node: {
    level: Level;
    highlights: { start: number; end: number }[];
    task: {
      id: string;
      ordinal: string | null;
      content: string;
      status: TaskStatus;
      progress: number;
      state: { light: Light };
      deadline: { text: string } | null;
      directive?: { number: string | null };
      plan?: { number: string | null; province: { name: string } };
      commune?: { name: string; province: { name: string } };
    };
  };
}
interface Found {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Hit[];
}

interface SearchAnswer {
  provinces: { code: string; name: string }[];
  /** null when nothing was asked yet. */
  searchTasks: Found | null;
}

const PAGE = 50;
const FOUND = `
  totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { level highlights { start end } task {
    id ordinal content status progress state { light } deadline { text }
    ... on CentralTask { directive { number } }
    ... on ProvincialTask { plan { number province { name } } }
    ... on CommuneTask { commune { name province { name } } }
  } } }
`;
const ARGS = '$query: String, $filter: TaskSearchFilter, $after: String';
const CALL = `searchTasks(query: $query, filter: $filter, first: ${PAGE}, after: $after)`;
const SEARCH = `query SearchView(${ARGS}) { provinces { code name } ${CALL} { ${FOUND} } }`;
const MORE = `query SearchMore(${ARGS}) { ${CALL} { ${FOUND} } }`;
const PROVINCES = 'query SearchProvinces { provinces { code name } }';

/** The API's arguments for what the address asks: every filter given must match. */
function variablesOf(params: SearchParams): Record<string, unknown> {
  return {
    query: params.q || null,
    filter: {
      ...(params.level ? { levels: [params.level] } : {}),
      ...(params.province ? { provinceCode: params.province } : {}),
      ...(params.status ? { statuses: [params.status] } : {}),
      ...(params.light ? { lights: [params.light] } : {}),
    },
  };
}

/** Where a hit's task sits: "Trung ương (71/NQ-CP)", "Thái Nguyên (44/KH-UBND)", "Xã Thuận An, Lâm Đồng". */
function placeOf(task: Hit['node']['task']): string {
  if (task.commune) return `${task.commune.name}, ${task.commune.province.name}`;
  if (task.plan) return `${task.plan.province.name}${task.plan.number ? ` (${task.plan.number})` : ''}`;
  return `Trung ương${task.directive?.number ? ` (${task.directive.number})` : ''}`;
}

/** The content with the words that matched marked (the spans are UTF-16 offsets, as JavaScript slices). */
function marked(content: string, spans: Hit['node']['highlights']): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    parts.push(content.slice(at, start), <mark key={start}>{content.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(content.slice(at));
  return parts;
}

const COLUMNS = ['Cấp', 'Đơn vị', 'Nhiệm vụ', 'Thời hạn', 'Trạng thái', 'Đèn'];

function cellsOf({ node }: Hit): string[] {
  const { task } = node;
  return [
    LEVEL_LABEL[node.level],
    placeOf(task),
    `${task.ordinal ? `${task.ordinal} ` : ''}${task.content}`,
    task.deadline?.text ?? '—',
    statusText(task),
    lightWord(task.state.light),
  ];
}

/** Search: the accent-insensitive searchTasks with its filters, each hit a link to its task's view. */
export function SearchView(props: { params: SearchParams }) {
  const { params } = props;
  const asked = Object.values(params).some(Boolean);
  const key = searchHref(params);
  const loaded = useLoad<SearchAnswer>(key, () =>
    asked
      ? read<SearchAnswer>(SEARCH, variablesOf(params))
      : read<Omit<SearchAnswer, 'searchTasks'>>(PROVINCES, {}).then((answer) => ({
          ...answer,
          searchTasks: null,
        })),
  );
  const [more, setMore] = useState<{ key: string; hits: Hit[]; page: Found['pageInfo'] } | null>(null);
  const data = loaded.data;
  const found = data?.searchTasks ?? null;
  const extra = more?.key === key ? more : null;
  const hits = found ? [...found.edges, ...(extra?.hits ?? [])] : [];
  const page = extra?.page ?? found?.pageInfo ?? null;
  const loadMore = async (): Promise<void> => {
    if (!page?.endCursor) return;
    const next = await read<{ searchTasks: Found }>(MORE, { ...variablesOf(params), after: page.endCursor });
    setMore({
      key,
      hits: [...(extra?.hits ?? []), ...next.searchTasks.edges],
      page: next.searchTasks.pageInfo,
    });
  };
  // Rows update in place as their tasks are reported on (the feed of the province asked for, or the
  // nation's); a row no longer matching a status or light filter stays, with its new state, until a new search.
  const state = useFollow(
    `search:${key}`,
    params.province ? { provinceCode: params.province } : null,
    {
      onEvent: (event) => {
        loaded.set((answer) => ({
          ...answer,
          searchTasks: answer.searchTasks && withEvent(answer.searchTasks, event),
        }));
        setMore((old) => old && { ...old, hits: old.hits.map((hit) => hitWithEvent(hit, event)) });
      },
      onResync: () => loaded.reload(),
      after: loaded.head,
    },
    asked && loaded.head !== null,
  );
  const sheet = (): Sheet => ({
    name: 'tim-kiem',
    title: `Tìm kiếm nhiệm vụ: ${params.q || '(mọi nhiệm vụ)'}`,
    columns: COLUMNS,
    rows: hits.map(cellsOf),
  });
  return (
    <>
      <div class="title-row">
        <h1>Tìm kiếm nhiệm vụ</h1>
        {asked ? <ConnectionBadge state={state} /> : null}
      </div>
      <SearchForm key={key} params={params} provinces={data?.provinces ?? []} />
      {loaded.error ? <p class="error">{loaded.error}</p> : null}
      {!asked ? (
        <p class="muted">
          Gõ từ khóa, có dấu hoặc không dấu ("chuyen doi so" tìm được "chuyển đổi số"), hoặc chọn bộ lọc.
        </p>
      ) : data === null ? (
        <p aria-busy="true">Đang tìm…</p>
      ) : found ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" data-testid="search-count">
            Tìm thấy {found.totalCount} nhiệm vụ
          </h2>
          {hits.length > 0 ? <ExportButtons sheet={sheet} /> : null}
          <Results hits={hits} />
          {page?.hasNextPage ? (
            <button type="button" onClick={() => void loadMore()}>
              Xem thêm (đang hiện {hits.length}/{found.totalCount})
            </button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** The hits with the reported task's status, progress and light as the event left them. */
function withEvent(found: Found, event: LiveEvent): Found {
  return { ...found, edges: found.edges.map((hit) => hitWithEvent(hit, event)) };
}

function hitWithEvent(hit: Hit, event: LiveEvent): Hit {
  const { task } = hit.node;
  if (task.id !== event.task.id) return hit;
  const changed = {
    ...task,
    status: event.task.status,
    progress: event.task.progress,
    state: { light: event.task.state.light },
  };
  return { ...hit, node: { ...hit.node, task: changed } };
}

function Results(props: { hits: Hit[] }) {
  if (props.hits.length === 0) return <p class="muted">Không có nhiệm vụ nào khớp.</p>;
  return (
    <table class="search-results">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.hits.map((hit) => {
          const { task } = hit.node;
          return (
            <tr key={hit.cursor} data-task={task.id}>
              <td>{LEVEL_LABEL[hit.node.level]}</td>
              <td class="place">{placeOf(task)}</td>
              <td class="content">
                <Link href={taskHref(task.id)}>
                  {task.ordinal ? `${task.ordinal} ` : ''}
                  {marked(task.content, hit.node.highlights)}
                </Link>
              </td>
              <td>{task.deadline?.text ?? '—'}</td>
              <td class="status">{statusText(task)}</td>
              <td class="light">
                <LightDot light={task.state.light} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Choice(props: {
  id: string;
  name: string;
  label: string;
  all: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      {/* The address chose the option: `selected` (a select has no default value of its own in the DOM). */}
      <select id={props.id} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function SearchForm(props: { params: SearchParams; provinces: { code: string; name: string }[] }) {
  const { params } = props;
  const submit = (event: Event): void => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string): string => String(form.get(name) ?? '');
    navigate(
      searchHref({
        q: field('q'),
        level: field('level'),
        province: field('province'),
        status: field('status'),
        light: field('light'),
      }),
    );
  };
  const words = (labels: Record<string, string>): [string, string][] => Object.entries(labels);
  return (
    <form class="search-form" role="search" onSubmit={submit}>
      <div class="search-words">
        <label for="search-q">Từ khóa (có dấu hoặc không dấu)</label>
        <input id="search-q" name="q" type="search" maxLength={200} defaultValue={params.q} />
      </div>
      <Choice
        id="search-level"
        name="level"
        label="Cấp"
        all="Mọi cấp"
        value={params.level}
        options={words(LEVEL_LABEL)}
      />
      <Choice
        id="search-province"
        name="province"
        label="Tỉnh, thành phố"
        all="Cả nước"
        value={params.province}
        options={props.provinces.map((province) => [province.code, province.name])}
      />
      <Choice
        id="search-status"
        name="status"
        label="Trạng thái"
        all="Mọi trạng thái"
        value={params.status}
        options={words(STATUS_LABEL)}
      />
      <Choice
        id="search-light"
        name="light"
        label="Đèn tiến độ"
        all="Mọi đèn"
        value={params.light}
        options={words(LIGHT_LABEL)}
      />
      <div>
        <button type="submit">Tìm</button>
      </div>
    </form>
  );
}
