import { read } from '../api';
import { ConnectionBadge } from '../components/connection';
import { LightBar } from '../components/lights';
import { ExportButtons } from '../components/export-buttons';
import { Link } from '../components/link';
import type { Sheet } from '../export/sheet';
import { useCoalesced, useFollow, useLoad } from '../hooks';
import { formatShare } from '../labels';
import type { LiveEvent } from '../live';
import { directiveHref, provinceHref } from '../router';
import { ROLLUP_FIELDS, addRollups, type Rollup } from '../rollup';
import { useRef, useState } from 'preact/hooks';
import { Ticker } from './ticker';

interface ProvinceRow {
  code: string;
  name: string;
  progress: Rollup;
  communeProgress: Rollup;
}
interface RankRow {
  rank: number | null;
  onTimeShare: number | null;
  judged: number;
  province: { code: string; name: string };
}
interface Nation {
  provinces: ProvinceRow[];
  provinceRanking: RankRow[];
  directives: { number: string | null; title: string }[];
}

const PROVINCE_FIELDS = `code name progress { ${ROLLUP_FIELDS} } communeProgress { ${ROLLUP_FIELDS} }`;
const RANKING_FIELDS = 'provinceRanking { rank onTimeShare judged province { code name } }';
const NATION = `query NationOverview { provinces { ${PROVINCE_FIELDS} } ${RANKING_FIELDS} directives { number title } }`;
const ROLLUPS = `query NationRollups { provinces { ${PROVINCE_FIELDS} } ${RANKING_FIELDS} }`;
const ONE_PROVINCE = `query ProvinceRollup($code: String!) { province(code: $code) { ${PROVINCE_FIELDS} } ${RANKING_FIELDS} }`;

const TICKER_LENGTH = 15;

/** The province an event's task belongs to; a central task belongs to none. */
function provinceOf(event: LiveEvent): string | null {
  return event.task.commune?.province.code ?? event.task.plan?.province.code ?? null;
}

/** The nation: every province's roll-up with its light bar, the ranking, the directives and the live ticker. */
export function NationView() {
  const nation = useLoad('nation', () => read<Nation>(NATION, {}));
  const [events, setEvents] = useState<LiveEvent[]>([]);
  // Lights are derived on the server from deadlines and report times (docs/monitoring.md), so the counts an
  // event touched are read again, for its province only; a burst touching many re-reads the country once.
  // Reads are numbered per province (and for the ranking): an answer overtaken by a later read's answer would
  // put older counts back.
  const issued = useRef(new Map<string, number>());
  const stamp = (keys: string[]): Map<string, number> => {
    const stamps = new Map(keys.map((key) => [key, (issued.current.get(key) ?? 0) + 1]));
    for (const [key, value] of stamps) issued.current.set(key, value);
    return stamps;
  };
  const apply = (stamps: Map<string, number>, provinces: ProvinceRow[], ranking: RankRow[]): void => {
    const fresh = new Map(
      provinces
        .filter((row) => issued.current.get(row.code) === stamps.get(row.code))
        .map((row) => [row.code, row]),
    );
    const rankingCurrent = issued.current.get('ranking') === stamps.get('ranking');
    nation.set((old) => ({
      ...old,
      provinceRanking: rankingCurrent ? ranking : old.provinceRanking,
      provinces: old.provinces.map((row) => fresh.get(row.code) ?? row),
    }));
  };
  const refresh = useCoalesced<string>(300, (codes) => {
    if (codes.size > 3) {
      const stamps = stamp(['ranking', ...(nation.data?.provinces.map((row) => row.code) ?? [])]);
      void read<Omit<Nation, 'directives'>>(ROLLUPS, {}).then((fresh) =>
        apply(stamps, fresh.provinces, fresh.provinceRanking),
      );
      return;
    }
    for (const code of codes) {
      const stamps = stamp(['ranking', code]);
      void read<{ province: ProvinceRow | null; provinceRanking: RankRow[] }>(ONE_PROVINCE, { code }).then(
        (fresh) => apply(stamps, fresh.province ? [fresh.province] : [], fresh.provinceRanking),
      );
    }
  });
  const state = useFollow(
    'nation',
    null,
    {
      onEvent: (event) => {
        setEvents((old) => [event, ...old].slice(0, TICKER_LENGTH));
        const code = provinceOf(event);
        if (code) refresh(code);
      },
      onResync: () => nation.reload(),
      after: nation.head,
    },
    nation.head !== null,
  );
  const data = nation.data;
  return (
    <>
      <div class="title-row">
        <h1>Toàn quốc: tiến độ thực hiện nhiệm vụ</h1>
        <ConnectionBadge state={state} />
      </div>
      {nation.error ? <p class="error">{nation.error}</p> : null}
      {data === null ? (
        <p aria-busy="true">Đang tải…</p>
      ) : (
        <>
          <NationTotal provinces={data.provinces} />
          <ExportButtons sheet={() => nationSheet(data.provinces)} />
          <div class="columns">
            <ProvinceTable provinces={data.provinces} />
            <div>
              <Ranking rows={data.provinceRanking} />
              <Ticker events={events} />
              <Directives directives={data.directives} />
            </div>
          </div>
        </>
      )}
    </>
  );
}

/** The province table as a sheet: each province's counts, its lights as numbers (the bar's accessible name). */
function nationSheet(provinces: ProvinceRow[]): Sheet {
  return {
    name: 'toan-quoc',
    title: 'Tiến độ thực hiện nhiệm vụ theo tỉnh, thành phố (nhiệm vụ của tỉnh và các xã)',
    columns: [
      'Tỉnh, thành phố',
      'Tổng số nhiệm vụ',
      'Hoàn thành đúng hạn',
      'Quá hạn',
      'Xanh',
      'Vàng',
      'Đỏ',
      'Xám',
    ],
    rows: provinces.map((row) => {
      const sum = addRollups(row.progress, row.communeProgress);
      return [
        row.name,
        sum.total,
        sum.completedOnTime,
        sum.overdue,
        sum.green,
        sum.yellow,
        sum.red,
        sum.grey,
      ];
    }),
  };
}

function NationTotal(props: { provinces: ProvinceRow[] }) {
  const zero: Rollup = { total: 0, completedOnTime: 0, overdue: 0, green: 0, yellow: 0, red: 0, grey: 0 };
  const total = props.provinces.reduce(
    (sum, row) => addRollups(sum, addRollups(row.progress, row.communeProgress)),
    zero,
  );
  return (
    <section class="summary" aria-label="Tổng hợp toàn quốc" data-testid="nation-total">
      <p>
        <strong class="total">{total.total}</strong> nhiệm vụ cấp tỉnh và cấp xã · đúng hạn{' '}
        <strong class="on-time">{total.completedOnTime}</strong> · quá hạn{' '}
        <strong class="overdue">{total.overdue}</strong>
      </p>
      <LightBar counts={total} />
    </section>
  );
}

function ProvinceTable(props: { provinces: ProvinceRow[] }) {
  return (
    <section aria-labelledby="provinces-title">
      <h2 id="provinces-title">Tiến độ theo tỉnh, thành phố (nhiệm vụ của tỉnh và các xã)</h2>
      <table class="rollups">
        <thead>
          <tr>
            <th scope="col">Tỉnh, thành phố</th>
            <th scope="col">Tổng số nhiệm vụ</th>
            <th scope="col">Hoàn thành đúng hạn</th>
            <th scope="col">Quá hạn</th>
            <th scope="col">Đèn tiến độ</th>
          </tr>
        </thead>
        <tbody>
          {props.provinces.map((row) => {
            const sum = addRollups(row.progress, row.communeProgress);
            return (
              <tr key={row.code} data-province={row.code}>
                <th scope="row">
                  <Link href={provinceHref(row.code)}>{row.name}</Link>
                </th>
                <td class="total">{sum.total}</td>
                <td class="on-time">{sum.completedOnTime}</td>
                <td class="overdue">{sum.overdue}</td>
                <td>
                  <LightBar counts={sum} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Ranking(props: { rows: RankRow[] }) {
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title">Xếp hạng theo tỷ lệ hoàn thành đúng hạn</h2>
      <table class="ranking">
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">Tỉnh, thành phố</th>
            <th scope="col">Tỷ lệ đúng hạn</th>
            <th scope="col">Số nhiệm vụ đã đánh giá</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.province.code} data-province={row.province.code}>
              <td class="rank">{row.rank ?? '—'}</td>
              <th scope="row">{row.province.name}</th>
              <td class="share">{formatShare(row.onTimeShare)}</td>
              <td class="judged">{row.judged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Directives(props: { directives: Nation['directives'] }) {
  return (
    <section aria-labelledby="directives-title">
      <h2 id="directives-title">Văn bản chỉ đạo của Trung ương</h2>
      <ul class="directives">
        {props.directives
          .filter((directive): directive is { number: string; title: string } => directive.number !== null)
          .map((directive) => (
            <li key={directive.number}>
              <Link href={directiveHref(directive.number)}>{directive.number}</Link> {directive.title}
            </li>
          ))}
      </ul>
    </section>
  );
}
