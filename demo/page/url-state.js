// @ts-check
// Page state kept in the URL query, so a view can be shared. Unknown or bad values fall back to defaults.
export const INTERVALS = ['5m', '15m', '1h', '4h', '1d'];
export const LOOKBACKS = ['12h', '1d', '3d', '7d', '14d', '1M', '3M', '6M'];
export const BAR_COUNTS = ['100', '200', '500'];
export const PALETTES = ['density', 'two-sided'];
export const SIDES = ['both', 'long', 'short'];

/**
 * What the page shows, as kept in the URL.
 * @typedef {object} DemoState
 * @property {string} symbol Binance USDⓈ-M symbol, e.g. BTCUSDT
 * @property {string} interval one of {@link INTERVALS}
 * @property {string} range one of {@link LOOKBACKS} or {@link BAR_COUNTS}
 * @property {number} threshold heatmap threshold, 0..1
 * @property {number} heat "more heat", 0..1
 * @property {boolean} klines candles shown
 * @property {boolean} heatmap heatmap shown
 * @property {boolean} levels level lines shown
 * @property {boolean} swept swept levels shown
 * @property {'both' | 'long' | 'short'} sides
 * @property {'density' | 'two-sided'} palette
 * @property {'' | 'long' | 'short'} planSide '' when no plan is shown
 * @property {number} planEntry 0 for the current price; any positive price here, checked against the market when a plan is made (plan.js)
 * @property {number} planBuffer stop buffer in %, 0..5
 * @property {number} alertPct alert distance in %, 0..20 (0: no alerts)
 * @property {string} crosshair crosshair colour, `#rrggbb`
 */

/** @type {Readonly<DemoState>} */
export const DEFAULTS = Object.freeze({
  symbol: 'BTCUSDT',
  interval: '1h',
  range: '7d',
  threshold: 0.05,
  heat: 0,
  klines: true,
  heatmap: true,
  levels: true,
  swept: true,
  sides: 'both',
  palette: 'density',
  planSide: '',
  planEntry: 0,
  planBuffer: 0.1,
  alertPct: 0.5,
  crosshair: '#e3b341',
});

/** @param {readonly string[]} list */
const oneOf = (list) => /** @param {string} v */ (v) => (list.includes(v) ? v : undefined);
/** @param {string} v */
const flag = (v) => (v === '1' ? true : v === '0' ? false : undefined);
/** @param {string} v */
const unit = (v) => {
  const n = Number(v);
  return v !== null && v !== '' && n >= 0 && n <= 1 ? n : undefined;
};
/** @type {{ [K in keyof DemoState]: (raw: string) => DemoState[K] | undefined }} */
const PARSERS = {
  symbol: (v) => (/^[A-Z0-9]{2,30}$/.test(v) ? v : undefined),
  interval: oneOf(INTERVALS),
  range: oneOf([...LOOKBACKS, ...BAR_COUNTS]),
  threshold: unit,
  heat: unit,
  klines: flag,
  heatmap: flag,
  levels: flag,
  swept: flag,
  sides: /** @type {(v: string) => DemoState['sides'] | undefined} */ (oneOf(SIDES)),
  palette: /** @type {(v: string) => DemoState['palette'] | undefined} */ (oneOf(PALETTES)),
  planSide: /** @type {(v: string) => DemoState['planSide'] | undefined} */ (oneOf(['', 'long', 'short'])),
  planEntry: (v) => (Number(v) > 0 && Number.isFinite(Number(v)) ? Number(v) : undefined),
  planBuffer: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 5 ? Number(v) : undefined),
  alertPct: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 20 ? Number(v) : undefined),
  crosshair: (v) => (/^#[0-9a-f]{6}$/i.test(v) ? v.toLowerCase() : undefined),
};

/** @type {readonly (keyof DemoState)[]} */
export const STATE_KEYS = /** @type {(keyof DemoState)[]} */ (Object.keys(DEFAULTS));

/**
 * State from a query string, every field validated.
 * @param {string} search
 * @returns {DemoState}
 */
export function readState(search) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, unknown>} */
  const state = { ...DEFAULTS };
  for (const key of STATE_KEYS) {
    const raw = params.get(key);
    const value = raw === null ? undefined : PARSERS[key](key === 'symbol' ? raw.toUpperCase() : raw);
    if (value !== undefined) state[key] = value;
  }
  return /** @type {DemoState} */ (state);
}

/** How the page was opened, not what it shows: kept as they are when the state is written back. */
const PAGE_KEYS = ['demo', 'tick'];

/**
 * The query string for a state: only what differs from the defaults, after the page's own parameters
 * (`demo=synthetic`, `tick`) that `search` (the current query) has, so a shared URL opens the same kind of data.
 * @param {Readonly<DemoState>} state
 * @param {string} [search]
 * @returns {string} `?…`, or '' when the state is the default one and the page has no parameters of its own
 */
export function writeState(state, search = '') {
  const current = new URLSearchParams(search);
  const params = new URLSearchParams();
  for (const key of PAGE_KEYS) {
    const value = current.get(key);
    if (value !== null) params.set(key, value);
  }
  for (const key of STATE_KEYS) {
    const value = state[key];
    if (value === DEFAULTS[key]) continue;
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
