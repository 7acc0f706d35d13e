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
import { provinceHref } from '../router';
import { ROLLUP_FIELDS, type Rollup } from '../rollup';

interface Counts {
  progress: Rollup;
  warnings: WarningLists;
}
interface Commune extends Counts {
  code: string;
  name: string;
  province: { code: string; name: string };
  plans: (PlanWithTasks & { issuedOnText: string | null })[];
}

const COUNTS_FIELDS = `progress { ${ROLLUP_FIELDS} } ${WARNING_FIELDS}`;
const COMMUNE = `
  query CommuneView($code: String!) {
    commune(code: $code) {
      code name province { code name }
      ${COUNTS_FIELDS}
      plans { issuedOnText ${PLAN_FIELDS} }
    }
  }
`;
const COUNTS = `query CommuneCounts($code: String!) { commune(code: $code) { ${COUNTS_FIELDS} } }`;

/** A commune: its plans and their tasks with lights, its warning list; rows change live, counts are re-read. */
export function CommuneView(props: { code: string }) {
  const loaded = useLoad(`commune:${props.code}`, () =>
    read<{ commune: Commune | null }>(COMMUNE, { code: props.code }),
  );
  const issued = useRef(0);
  // Lights and warnings are derived on the server from deadlines and report times: read again, coalesced.
  const refresh = useCoalesced<true>(300, () => {
    const round = ++issued.current;
    void read<{ commune: Counts | null }>(COUNTS, { code: props.code }).then((fresh) => {
      if (round !== issued.current || !fresh.commune) return;
      const counts = fresh.commune;
      loaded.set(({ commune }) => ({ commune: commune && { ...commune, ...counts } }));
    });
  });
  const state = useFollow(
    `commune:${props.code}`,
    { communeCode: props.code },
    {
      onEvent: (event) => {
        loaded.set(({ commune }) => ({
          commune: commune && { ...commune, plans: withPlanEvent(commune.plans, event) },
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
  const commune = loaded.data.commune;
  if (!commune) return <h1>Không có xã, phường mã {props.code}</h1>;
  const sheet = () =>
    plansSheet(`xa-${commune.code}`, `${commune.name}, ${commune.province.name}`, commune.plans);
  return (
    <>
      <nav aria-label="Vị trí" class="crumbs">
        <ol>
          <li>
            <Link href="/">Toàn quốc</Link>
          </li>
          <li>
            <Link href={provinceHref(commune.province.code)}>{commune.province.name}</Link>
          </li>
        </ol>
      </nav>
      <div class="title-row">
        <h1>
          {commune.name}, {commune.province.name}
        </h1>
        <ConnectionBadge state={state} />
      </div>
      <section class="summary" aria-label="Tiến độ nhiệm vụ của xã" data-testid="commune-total">
        <p>
          Kế hoạch của xã: <strong class="total">{commune.progress.total}</strong> nhiệm vụ · đúng hạn{' '}
          <strong class="on-time">{commune.progress.completedOnTime}</strong> · quá hạn{' '}
          <strong class="overdue">{commune.progress.overdue}</strong>
        </p>
        <LightBar counts={commune.progress} />
      </section>
      <Warnings warnings={commune.warnings} />
      <ExportButtons sheet={sheet} />
      {commune.plans.length === 0 ? <p class="muted">Xã chưa có kế hoạch nào trong hệ thống.</p> : null}
      {commune.plans.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`} data-plan={plan.number ?? ''}>
          <h2 id={`plan-${plan.id}`}>
            Kế hoạch {plan.number ?? '(không số)'}: {plan.title}
          </h2>
          {plan.issuedOnText ? <p class="muted">{plan.issuedOnText}</p> : null}
          <PlanTable tasks={plan.tasks} />
        </section>
      ))}
    </>
  );
}
