import { write } from './api';
import { STATUS_LABEL, jurisdictionText, type Light, type TaskStatus } from './labels';
import type { LiveEvent } from './live';

/** The level of a task, as its GraphQL type names it. */
export type TaskType = 'CentralTask' | 'ProvincialTask' | 'CommuneTask';

/** What a reporter sends (TaskStatusInput). */
export interface ReportInput {
  id: string;
  status: TaskStatus;
  progress: number;
  note: string | null;
  evidence: { title: string; url?: string; documentNumber?: string }[];
  expectedVersion: number;
  idempotencyKey: string;
}

/** An accepted report: the task as it now stands and the event it appended. */
export interface Accepted {
  replayed: boolean;
  task: { status: TaskStatus; progress: number; version: number; state: { light: Light; overdue: boolean } };
  event: Pick<
    LiveEvent,
    'cursor' | 'kind' | 'changes' | 'at' | 'actor' | 'from' | 'to' | 'progress' | 'note' | 'evidence'
  >;
}

const RESULT = `
  replayed
  task { status progress version state { light overdue } }
  event { cursor kind changes { field from to } at actor from to progress note evidence { title url documentNumber } }
`;
// Each level reports on its own tasks, through its own mutation.
const MUTATIONS: Record<TaskType, [field: string, document: string]> = {
  CentralTask: [
    'updateCentralTaskStatus',
    `mutation ReportCentralTask($input: TaskStatusInput!) { updateCentralTaskStatus(input: $input) { ${RESULT} } }`,
  ],
  ProvincialTask: [
    'updateProvincialTaskStatus',
    `mutation ReportProvincialTask($input: TaskStatusInput!) { updateProvincialTaskStatus(input: $input) { ${RESULT} } }`,
  ],
  CommuneTask: [
    'updateCommuneTaskStatus',
    `mutation ReportCommuneTask($input: TaskStatusInput!) { updateCommuneTaskStatus(input: $input) { ${RESULT} } }`,
  ],
};

/** A refusal as the page shows it, and the version the task is at when the hub said so. */
export interface Refusal {
  text: string;
  code: string | null;
  currentVersion?: number;
}

/** Sends a report to the task's level; the answer, or the refusal in plain Vietnamese. */
export async function report(
  type: TaskType,
  input: ReportInput,
  token: string,
): Promise<{ accepted: Accepted } | { refused: Refusal }> {
  const [field, mutation] = MUTATIONS[type];
  const written = await write<Record<string, Accepted>>(mutation, { input }, token);
  if (written.data) return { accepted: written.data[field] };
  return { refused: refusalText(written.refusal, input) };
}

/** A new idempotency key: a retry of the same report with it is answered once (getRandomValues works on http). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

const TRANSITION: [RegExp, string][] = [
  [/needs a reason/, 'mở lại nhiệm vụ hoặc lùi tiến độ cần ghi rõ lý do trong phần ghi chú'],
  [/progress 100/, 'nhiệm vụ đã hoàn thành phải có tiến độ 100 %'],
  [/progress 0/, 'nhiệm vụ chưa thực hiện phải có tiến độ 0 %'],
  [/changes nothing/, 'báo cáo không thay đổi gì: hãy chọn trạng thái mới, tiến độ mới hoặc ghi chú'],
];

/** What the hub's refusal means, said plainly; the hub's own words are kept only where no wording fits. */
export function refusalText(
  refusal: { code: string | null; message: string; details: Record<string, unknown> },
  input: Pick<ReportInput, 'status' | 'expectedVersion'>,
): Refusal {
  const { code, details } = refusal;
  const say = (text: string, currentVersion?: number): Refusal => ({ text, code, currentVersion });
  switch (code) {
    case 'VERSION_CONFLICT': {
      const current = Number(details.currentVersion);
      return say(
        `Báo cáo chưa được ghi: nhiệm vụ đã có báo cáo khác (nay là phiên bản ${current}, biểu mẫu lập theo ` +
          `phiên bản ${input.expectedVersion}). Xem lại trạng thái mới nhất, rồi bấm "Gửi báo cáo" lần nữa.`,
        current,
      );
    }
    case 'FORBIDDEN': {
      const required = String(details.required ?? '');
      const own = String(details.jurisdiction ?? '');
      if (required && own && required !== own) {
        return say(
          `Không được báo cáo nhiệm vụ này: nhiệm vụ thuộc ${jurisdictionText(required)}, tài khoản của bạn ` +
            `thuộc ${jurisdictionText(own)}.`,
        );
      }
      if (details.role === 'viewer') return say('Không được báo cáo: tài khoản chỉ có quyền xem.');
      return say('Không được báo cáo nhiệm vụ này: nhiệm vụ do cơ quan khác chủ trì.');
    }
    case 'UNAUTHENTICATED':
      return say(
        'Hệ thống không nhận mã đăng nhập (mã sai, đã hết hạn hoặc không do hệ thống cấp). Hãy đăng xuất và ' +
          'đăng nhập lại bằng mã mới.',
      );
    case 'INVALID_TRANSITION': {
      const reason = TRANSITION.find(([pattern]) => pattern.test(refusal.message))?.[1];
      return say(
        `Không thể chuyển sang "${STATUS_LABEL[input.status]}" như vậy${reason ? `: ${reason}` : ''}.`,
      );
    }
    case 'UNKNOWN_TASK':
      return say('Nhiệm vụ này không còn trong hệ thống.');
    case 'BAD_USER_INPUT':
      return say(`Thông tin báo cáo chưa hợp lệ (${refusal.message}).`);
    case null:
      return say(
        'Không gửi được báo cáo: không kết nối được máy chủ. Báo cáo chưa được ghi; bấm "Gửi báo cáo" để ' +
          'gửi lại (gửi lại không bị ghi hai lần).',
      );
    default:
      return say(`Hệ thống từ chối báo cáo (${code}): ${refusal.message}`);
  }
}
