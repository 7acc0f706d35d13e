import { registerEnumType } from 'type-graphql';

/** Where a task stands. Overdue and the traffic light are derived from status, deadline and a date, never stored. */
export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED_ON_TIME = 'COMPLETED_ON_TIME',
  COMPLETED_LATE = 'COMPLETED_LATE',
  CANCELLED = 'CANCELLED',
}

/** The level of government whose plan a task belongs to. */
export enum TaskLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  COMMUNE = 'COMMUNE',
}

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description:
    'Chưa thực hiện / đang thực hiện / hoàn thành đúng hạn / hoàn thành quá hạn / hủy bỏ hoặc thay thế',
});
registerEnumType(TaskLevel, { name: 'TaskLevel', description: 'Trung ương, tỉnh, xã' });
