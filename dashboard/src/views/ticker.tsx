import { Link } from '../components/link';
import { STATUS_LABEL, formatTime } from '../labels';
import type { LiveEvent } from '../live';
import { taskHref } from '../router';

/** Where an event's task sits, in words: "Xã Thuận An, Lâm Đồng", "Thái Nguyên", "Trung ương". */
export function placeOf(event: LiveEvent): string {
  const { task } = event;
  if (task.commune) return `${task.commune.name}, ${task.commune.province.name}`;
  if (task.plan) return task.plan.province.name;
  return 'Trung ương';
}

/** The live ticker: the newest status changes first, each a link to its task. */
export function Ticker(props: { events: LiveEvent[] }) {
  return (
    <section aria-labelledby="ticker-title">
      <h2 id="ticker-title">Cập nhật trực tiếp</h2>
      {props.events.length === 0 ? (
        <p class="muted">Chưa có báo cáo mới từ khi mở trang.</p>
      ) : (
        <ol class="ticker" aria-live="polite">
          {props.events.map((event) => (
            <li key={event.cursor} data-cursor={event.cursor}>
              <time dateTime={event.at}>{formatTime(event.at)}</time>
              <span class="place">{placeOf(event)}</span>
              <Link href={taskHref(event.task.id)}>{event.task.content}</Link>
              <span class="change">
                {STATUS_LABEL[event.from]} → {STATUS_LABEL[event.to]} ({event.progress} %)
              </span>
              {event.note ? <q>{event.note}</q> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
