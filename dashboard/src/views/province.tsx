import { useRef } from 'preact/hooks';
import { read } from '../api';
import { ConnectionBadge } from '../components/connection';
import { ExportButtons } from '../components/export-buttons';
import { LightBar } from '../components/lights';
import { Link } from '../components/link';
import {
  PLAN_FIELDS,
  PlanTable,
  plansSheet,
  withPlanEvent,
  type PlanWithTasks,
} from '../components/plan-table';
import { WARNING_FIELDS, Warnings, type WarningLists } from '../components/warnings';
import { useCoalesced, useFollow, useLoad } from '../hooks';
import { formatShare } from '../labels';
import { communeHref } from '../router';
import { ROLLUP_FIELDS, type Rollup } from '../rollup';

interface Counts {
  progress: Rollup;
  communeProgress: Rollup;
  communeRanking: {
    rank: number | null;
    onTimeShare: number | null;
    judged: number;
    commune: { code: string; name: string };
  }[];
  warnings: WarningLists;
}
interface Province extends Counts {
  code: string;
  name: string;
  plans: (PlanWithTasks & { issuedOnText: string | null })[];
}

const COUNTS_FIELDS = `
  progress { ${ROLLUP_FIELDS} }
  communeProgress { ${ROLLUP_FIELDS} }
  communeRanking { rank onTimeShare judged commune { code name } }
  ${WARNING_FIELDS}
`;
const PROVINCE = `
  query ProvinceView($code: String!) {
    province(code: $code) {
      code name
      ${COUNTS_FIELDS}
      plans { issuedOnText ${PLAN_FIELDS} }
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
        loaded.set(({ province }) => ({
          province: province && { ...province, plans: withPlanEvent(province.plans, event) },
        }));
        refresh(true);
      },
      onResync: () => loaded.reload(),
      after: loaded.head,
    },
    loaded.head !== null,
  );
  if (loaded.error) return <p class="error">{loaded.error}</p>;
  if (loaded.data === null) return <p aria-busy="true">Đang tải…</p>;
  const province = loaded.data.province;
  if (!province) return <h1>Không có tỉnh mã {props.code}</h1>;
  const sheet = () => plansSheet(`tinh-${province.code}`, province.name, province.plans);
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
      <ExportButtons sheet={sheet} />
      {province.plans.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`} data-plan={plan.number ?? ''}>
          <h2 id={`plan-${plan.id}`}>
            Kế hoạch {plan.number ?? '(không số)'}: {plan.title}
          </h2>
          <PlanTable tasks={plan.tasks} />
        </section>
      ))}
    </>
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
                <th scope="row">
                  <Link href={communeHref(row.commune.code)}>{row.commune.name}</Link>
                </th>
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
