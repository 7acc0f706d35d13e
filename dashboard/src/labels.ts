/** The plans' own words for statuses, lights and levels (chưa thực hiện, đúng hạn, quá hạn, …). */
export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED_ON_TIME' | 'COMPLETED_LATE' | 'CANCELLED';
export type Light = 'GREEN' | 'YELLOW' | 'RED' | 'GREY';
export type Level = 'CENTRAL' | 'PROVINCIAL' | 'COMMUNE';

export const STATUS_LABEL: Record<TaskStatus, string> = {
  NOT_STARTED: 'Chưa thực hiện',
  IN_PROGRESS: 'Đang thực hiện',
  COMPLETED_ON_TIME: 'Hoàn thành đúng hạn',
  COMPLETED_LATE: 'Hoàn thành quá hạn',
  CANCELLED: 'Hủy bỏ/thay thế',
};

export const LIGHT_LABEL: Record<Light, string> = {
  GREEN: 'Xanh: đúng tiến độ',
  YELLOW: 'Vàng: sắp đến hạn hoặc chậm báo cáo',
  RED: 'Đỏ: quá hạn',
  GREY: 'Xám: chưa xác định được hạn',
};

export const LEVEL_LABEL: Record<Level, string> = {
  CENTRAL: 'Trung ương',
  PROVINCIAL: 'Tỉnh',
  COMMUNE: 'Xã',
};

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** An event time as Vietnam reads it (giờ Việt Nam), whatever the browser's zone. */
export function formatTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** A 0–1 share as a Vietnamese percentage ("66,7 %"); "—" when there is nothing to judge. */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

/** The roles of a token, as the sign-in box shows them. */
export const ROLE_LABEL: Record<string, string> = {
  viewer: 'Người xem',
  reporter: 'Người báo cáo',
  planner: 'Cán bộ lập kế hoạch',
  admin: 'Quản trị hệ thống',
};

/** A jurisdiction claim in words: "Trung ương", "tỉnh, thành phố mã 19", "xã, phường mã 24682". */
export function jurisdictionText(code: string): string {
  if (code === 'central') return 'Trung ương';
  return code.length === 2 ? `tỉnh, thành phố mã ${code}` : `xã, phường mã ${code}`;
}
