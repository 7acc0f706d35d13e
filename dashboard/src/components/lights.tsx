import { LIGHT_LABEL, type Light } from '../labels';

/** The four light counts of a roll-up (ProgressRollup). */
export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
  grey: number;
}

const ORDER: Light[] = ['GREEN', 'YELLOW', 'RED', 'GREY'];
const KEY: Record<Light, keyof LightCounts> = { GREEN: 'green', YELLOW: 'yellow', RED: 'red', GREY: 'grey' };

/** The "xanh hóa" bar: one CSS segment per light, as wide as its share; the counts are in its accessible name. */
export function LightBar(props: { counts: LightCounts }) {
  const total = ORDER.reduce((sum, light) => sum + props.counts[KEY[light]], 0);
  const label = ORDER.map((light) => `${LIGHT_LABEL[light].split(':')[0]} ${props.counts[KEY[light]]}`).join(
    ', ',
  );
  return (
    <div class="bar" role="img" aria-label={label} title={label}>
      {total === 0 ? (
        <span class="bar-empty">Chưa có nhiệm vụ</span>
      ) : (
        ORDER.filter((light) => props.counts[KEY[light]] > 0).map((light) => (
          <span
            key={light}
            class={`seg light-${light.toLowerCase()}`}
            style={{ flexGrow: props.counts[KEY[light]] }}
          />
        ))
      )}
    </div>
  );
}

/** A light's one word as the tables print it ("Xanh", "Vàng", "Đỏ", "Xám"). */
export function lightWord(light: Light): string {
  return LIGHT_LABEL[light].split(':')[0];
}

/** One task's light: a coloured dot and its word, so colour is never the only sign. */
export function LightDot(props: { light: Light }) {
  const word = lightWord(props.light);
  return (
    <span class="dot-label" title={LIGHT_LABEL[props.light]}>
      <span class={`dot light-${props.light.toLowerCase()}`} aria-hidden="true" />
      {word}
    </span>
  );
}
