// Page state kept in the URL query, so a view can be shared. Unknown or bad values fall back to defaults.
export const INTERVALS = ['5m', '15m', '1h', '4h', '1d'];
export const LOOKBACKS = ['12h', '1d', '3d', '7d', '14d', '1M', '3M', '6M'];
export const BAR_COUNTS = ['100', '200', '500'];
export const PALETTES = ['density', 'two-sided'];
export const SIDES = ['both', 'long', 'short'];

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
});

const oneOf = (list) => (v) => (list.includes(v) ? v : undefined);
const flag = (v) => (v === '1' ? true : v === '0' ? false : undefined);
const unit = (v) => {
  const n = Number(v);
  return v !== null && v !== '' && n >= 0 && n <= 1 ? n : undefined;
};
const PARSERS = {
  symbol: (v) => (/^[A-Z0-9]{2,30}$/.test(v ?? '') ? v : undefined),
  interval: oneOf(INTERVALS),
  range: oneOf([...LOOKBACKS, ...BAR_COUNTS]),
  threshold: unit,
  heat: unit,
  klines: flag,
  heatmap: flag,
  levels: flag,
  swept: flag,
  sides: oneOf(SIDES),
  palette: oneOf(PALETTES),
  planSide: oneOf(['', 'long', 'short']),
  planEntry: (v) => (Number(v) > 0 && Number.isFinite(Number(v)) ? Number(v) : undefined),
  planBuffer: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 5 ? Number(v) : undefined),
  alertPct: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 20 ? Number(v) : undefined),
};

/** State from a query string, every field validated. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULTS };
  for (const [key, parse] of Object.entries(PARSERS)) {
    const raw = params.get(key);
    const value = raw === null ? undefined : parse(key === 'symbol' ? raw.toUpperCase() : raw);
    if (value !== undefined) state[key] = value;
  }
  return state;
}

/** The query string for a state: only what differs from the defaults. */
export function writeState(state) {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS)) {
    const value = state[key];
    if (value === DEFAULTS[key]) continue;
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
