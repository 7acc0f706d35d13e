import { useRef, useState } from 'preact/hooks';
import { STATUS_LABEL, jurisdictionText, type TaskStatus } from '../labels';
import { newIdempotencyKey, report, type Accepted, type ReportInput, type TaskType } from '../report';
import { useSession } from '../session';

/** The task as the form needs it; `jurisdiction` is whose it is ("central", a province or a commune code). */
export interface Reportable {
  __typename: TaskType;
  id: string;
  status: TaskStatus;
  progress: number;
  version: number;
  jurisdiction: string;
}

const STATUSES = Object.keys(STATUS_LABEL) as TaskStatus[];

/** The fields as typed; a change to any of them makes the report a new one, with a new idempotency key. */
interface Draft {
  status: TaskStatus;
  progress: string;
  note: string;
  evidenceTitle: string;
  evidenceRef: string;
}

function evidenceOf(draft: Draft): ReportInput['evidence'] | string {
  const title = draft.evidenceTitle.trim();
  const ref = draft.evidenceRef.trim();
  if (!title && !ref) return [];
  if (!title || !ref) return 'Minh chứng cần cả tên và số văn bản (hoặc đường dẫn http…).';
  return [/^https?:\/\//i.test(ref) ? { title, url: ref } : { title, documentNumber: ref }];
}

/**
 * Reporting on a task from the page: status, progress, a note and evidence, sent with the version the form was
 * prepared against (a report made meanwhile by someone else is a VERSION_CONFLICT, not overwritten) and an
 * idempotency key that stays the same while the fields do, so sending again after a lost answer records once.
 */
export function ReportForm(props: { task: Reportable; onAccepted(accepted: Accepted): void }) {
  const session = useSession();
  const { task } = props;
  const [draft, setDraft] = useState<Draft>(() => fresh(task));
  const [base, setBase] = useState(task.version);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  if (!session) {
    return (
      <section aria-labelledby="report-title" class="report">
        <h2 id="report-title">Báo cáo tiến độ</h2>
        <p class="muted">Để báo cáo tiến độ nhiệm vụ này, hãy đăng nhập (dán mã đăng nhập) ở đầu trang.</p>
      </section>
    );
  }
  const { claims } = session;
  const edit = (field: keyof Draft) => (event: Event) => {
    key.current = newIdempotencyKey();
    const value = (event.target as HTMLInputElement).value;
    setDraft((old) => ({ ...old, [field]: value, ...impliedProgress(field, value) }));
  };
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const progress = Number(draft.progress);
    if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
      setOutcome({ ok: false, text: 'Tiến độ là một số nguyên từ 0 đến 100.' });
      return;
    }
    const evidence = evidenceOf(draft);
    if (typeof evidence === 'string') {
      setOutcome({ ok: false, text: evidence });
      return;
    }
    const input: ReportInput = {
      id: task.id,
      status: draft.status,
      progress,
      note: draft.note.trim() || null,
      evidence,
      expectedVersion: base,
      idempotencyKey: key.current,
    };
    setSending(true);
    const answer = await report(task.__typename, input, session.token);
    setSending(false);
    if ('accepted' in answer) {
      const { accepted } = answer;
      props.onAccepted(accepted);
      setBase(accepted.task.version);
      setDraft(fresh(accepted.task));
      key.current = newIdempotencyKey();
      const done = `${STATUS_LABEL[accepted.task.status]}, tiến độ ${accepted.task.progress} % (phiên bản ${accepted.task.version})`;
      setOutcome({
        ok: true,
        text: accepted.replayed
          ? `Báo cáo này đã được ghi từ lần gửi trước, không ghi lần hai: ${done}.`
          : `Đã ghi nhận báo cáo: ${done}.`,
      });
      return;
    }
    const { refused } = answer;
    // A lost answer is retried with the same key; a refused report was not recorded, so the next one is new.
    if (refused.code !== null) key.current = newIdempotencyKey();
    if (refused.currentVersion !== undefined) setBase(refused.currentVersion);
    setOutcome({ ok: false, text: refused.text });
  };
  const foreign = claims.role !== 'admin' && claims.jurisdiction !== task.jurisdiction;
  return (
    <section aria-labelledby="report-title" class="report">
      <h2 id="report-title">Báo cáo tiến độ</h2>
      {foreign ? (
        <p class="warning" data-testid="foreign">
          Nhiệm vụ thuộc {jurisdictionText(task.jurisdiction)}; tài khoản của bạn thuộc{' '}
          {jurisdictionText(claims.jurisdiction)}, nên hệ thống sẽ không nhận báo cáo.
        </p>
      ) : null}
      {task.version !== base ? (
        <p class="warning" data-testid="moved-on">
          Nhiệm vụ vừa có báo cáo mới (phiên bản {task.version}) sau khi biểu mẫu được lập theo phiên bản{' '}
          {base}.
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} class="report-form">
        <label for="report-status">Trạng thái</label>
        <select id="report-status" value={draft.status} onChange={edit('status')}>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABEL[status]}
            </option>
          ))}
        </select>
        <label for="report-progress">Tiến độ (%)</label>
        <input
          id="report-progress"
          type="number"
          min={0}
          max={100}
          step={1}
          value={draft.progress}
          onInput={edit('progress')}
        />
        <label for="report-note">Ghi chú (bắt buộc khi mở lại hoặc lùi tiến độ)</label>
        <textarea id="report-note" rows={2} value={draft.note} onInput={edit('note')} />
        <label for="report-evidence-title">Minh chứng: tên văn bản, tài liệu</label>
        <input id="report-evidence-title" value={draft.evidenceTitle} onInput={edit('evidenceTitle')} />
        <label for="report-evidence-ref">Minh chứng: số văn bản hoặc đường dẫn (http…)</label>
        <input id="report-evidence-ref" value={draft.evidenceRef} onInput={edit('evidenceRef')} />
        <div>
          <button type="submit" disabled={sending}>
            {sending ? 'Đang gửi…' : 'Gửi báo cáo'}
          </button>
        </div>
      </form>
      {outcome ? (
        <p
          class={outcome.ok ? 'accepted' : 'error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="outcome"
        >
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}

function fresh(task: { status: TaskStatus; progress: number }): Draft {
  return {
    status: task.status,
    progress: String(task.progress),
    note: '',
    evidenceTitle: '',
    evidenceRef: '',
  };
}

// The hub wants 100 for a completed task and 0 for one not started: choosing such a status fills it in.
function impliedProgress(field: keyof Draft, value: string): Partial<Draft> {
  if (field !== 'status') return {};
  if (value === 'COMPLETED_ON_TIME' || value === 'COMPLETED_LATE') return { progress: '100' };
  return value === 'NOT_STARTED' ? { progress: '0' } : {};
}
