import type { ConnectionState } from '../live';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Đang kết nối…',
  live: 'Trực tuyến: cập nhật tức thời',
  reconnecting: 'Mất kết nối: đang kết nối lại…',
};

/** The live feed's state, announced politely to screen readers when it changes. */
export function ConnectionBadge(props: { state: ConnectionState }) {
  return (
    <p class={`connection connection-${props.state}`} role="status" data-state={props.state}>
      {TEXT[props.state]}
    </p>
  );
}
