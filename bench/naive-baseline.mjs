/**
 * A naive liquidation heatmap with the engine's semantics, written the way a straightforward
 * implementation does it; the speed baseline of the model benchmark (not an output reference).
 *
 * The model's default options (or those given): the tiers spread over `leverageSpread` leverages each
 * (the engine's rule, written out below), their weights, half-lives, MMR and liquidation formula, the
 * grid, the sweep rule (`body` by default; `wick-taper`, `wick-partial` with `wickClear`, `full`) with `sweepShare`, the turnover share, the long/short
 * split and the forward flow (`forwardFlowHours` of expected positions around the close, added to each
 * column, not to the state). Done naively, per closed bar: decay every bucket of every tier eagerly,
 * clear what the bar swept (keep share taken at each bucket's centre), then add the bar's new positions
 * with a Gaussian `exp()` at every bucket of every tier and side (the mean and variance of the engine's
 * entry triangle), and write the column (sum over tiers, plus the flow: one more Gaussian `exp()` at
 * every bucket of every tier and side) into a dense (bars x rows) Float32Array per side. Klines only:
 * no open interest, no mark price, no intrabar sweep (the benchmark input has none of them).
 */
import { DEFAULT_MODEL_OPTIONS, createPriceGrid, liquidationFactor } from '../dist/core.mjs';

export class NaiveHeatmap {
  constructor(options = {}) {
    const o = { ...DEFAULT_MODEL_OPTIONS, ...options };
    this.options = o;
    this.tiers = naiveSpreadTiers(o.tiers, o.leverageSpread);
    const weightSum = this.tiers.reduce((sum, tier) => sum + tier.weight, 0);
    this.weight = this.tiers.map((tier) => tier.weight / weightSum);
    this.longShift = this.tiers.map((tier) => Math.log(liquidationFactor(tier.leverage, 'long', o.mmr)));
    this.shortShift = this.tiers.map((tier) => Math.log(liquidationFactor(tier.leverage, 'short', o.mmr)));
    this.halfLifeMs = this.tiers.map((tier) => tier.halfLifeHours * 3_600_000);
    this.horizonMs = o.forwardFlowHours * 3_600_000;
    this.grid = null;
    this.series = null;
    this.long = this.short = this.scratchLong = this.scratchShort = null;
    this.columnsLong = this.columnsShort = null;
    this.closedState = null;
  }

  /** Recomputes every column; the last bar is the forming one (as the model does by default). */
  setData(series) {
    const n = series.length;
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < n; i++) {
      if (series.low[i] < low) low = series.low[i];
      if (series.high[i] > high) high = series.high[i];
    }
    const o = this.options;
    this.grid = createPriceGrid(low, high, { resolutionPct: o.resolutionPct, maxRows: o.rows, marginPct: o.marginPct, tickSize: o.tickSize });
    const { rows, lnMin, lnStep } = this.grid;
    // Row centres in log price: the naive way evaluates every bucket at its own centre.
    this.centres = Float64Array.from({ length: rows }, (_, r) => lnMin + (r + 0.5) * lnStep);
    const tiers = this.tiers.length;
    this.series = series;
    this.intervalMs = series.intervalMs;
    this.long = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.short = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.scratchLong = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.scratchShort = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.columnsLong = new Float32Array(n * rows);
    this.columnsShort = new Float32Array(n * rows);
    this.flowLong = new Float64Array(rows);
    this.flowShort = new Float64Array(rows);
    const state = { lastTime: NaN, rate: NaN, variance: NaN, flowTime: NaN };
    for (let i = 0; i < n - 1; i++) this.step(this.long, this.short, state, barAt(series, i), i);
    this.closedState = state;
    this.tick(barAt(series, n - 1));
  }

  /** Recomputes the forming column naively: copy the closed state, apply one full step. */
  tick(bar) {
    for (let t = 0; t < this.tiers.length; t++) {
      this.scratchLong[t].set(this.long[t]);
      this.scratchShort[t].set(this.short[t]);
    }
    this.step(this.scratchLong, this.scratchShort, { ...this.closedState }, bar, this.series.length - 1);
  }

  step(long, short, state, bar, column) {
    const { rows } = this.grid;
    const centres = this.centres;
    const tiers = this.tiers.length;
    const o = this.options;

    // 1. Decay every bucket of every tier.
    const dt = state.lastTime === state.lastTime ? Math.max(0, bar.time - state.lastTime) : this.intervalMs;
    for (let t = 0; t < tiers; t++) {
      const f = Math.pow(0.5, dt / this.halfLifeMs[t]);
      const l = long[t];
      const s = short[t];
      for (let r = 0; r < rows; r++) {
        l[r] *= f;
        s[r] *= f;
      }
    }

    // 2. Clear what the bar swept: the body fully, a wick not at all (`body`), by a share falling from all
    //    at the body to none at its tip (`wick-taper`), by `wickClear` (`wick-partial`) or fully (`full`),
    //    times `sweepShare`.
    const bodyLow = Math.log(Math.min(bar.open, bar.close));
    const bodyHigh = Math.log(Math.max(bar.open, bar.close));
    const low = Math.log(bar.low);
    const high = Math.log(bar.high);
    const keepBody = 1 - o.sweepShare;
    const taper = o.sweep === 'wick-taper';
    const wickShare = o.sweep === 'body' ? 0 : o.sweep === 'full' ? 1 : o.wickClear;
    const keepWick = (depth) => 1 - o.sweepShare * (taper ? 1 - depth : wickShare);
    for (let t = 0; t < tiers; t++) {
      const l = long[t];
      const s = short[t];
      for (let r = 0; r < rows; r++) {
        const p = centres[r];
        if (p >= bodyLow) l[r] *= keepBody;
        else if (p >= low) l[r] *= keepWick((bodyLow - p) / (bodyLow - low));
        if (p <= bodyHigh) s[r] *= keepBody;
        else if (p <= high) s[r] *= keepWick((p - bodyHigh) / (high - bodyHigh));
      }
    }

    // 3. Add the bar's new positions: a Gaussian per tier and side, evaluated at every bucket.
    const turnover = bar.quoteVolume === bar.quoteVolume ? bar.quoteVolume : (bar.volume * (bar.high + bar.low + bar.close)) / 3;
    const notional = o.turnoverShare * turnover;
    const longShare = this.longShare(bar);
    let mode = bar.volume > 0 && bar.quoteVolume === bar.quoteVolume ? bar.quoteVolume / bar.volume : (bar.high + bar.low + bar.close) / 3;
    mode = Math.log(Math.min(bar.high, Math.max(bar.low, mode)));
    const mean = (low + mode + high) / 3;
    const sd = Math.sqrt((low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18);
    for (let t = 0; t < tiers; t++) {
      addGaussian(long[t], centres, mean + this.longShift[t], sd, notional * longShare * this.weight[t]);
      addGaussian(short[t], centres, mean + this.shortShift[t], sd, notional * (1 - longShare) * this.weight[t]);
    }
    state.lastTime = bar.time;

    // 4. Write the column: sum over tiers.
    const offset = column * rows;
    for (let r = 0; r < rows; r++) {
      let l = 0;
      let s = 0;
      for (let t = 0; t < tiers; t++) {
        l += long[t][r];
        s += short[t][r];
      }
      this.columnsLong[offset + r] = l;
      this.columnsShort[offset + r] = s;
    }

    // 5. Add the forward flow to the column: a Gaussian per tier and side around the close.
    if (this.horizonMs > 0) this.addFlow(state, bar, turnover, offset);
  }

  /** Longs' share of new positions, as the engine splits them. */
  longShare(bar) {
    if (this.options.sideSplit === 'even') return 0.5;
    if (bar.takerBuyBase === bar.takerBuyBase && bar.volume > 0) return Math.min(1, Math.max(0, bar.takerBuyBase / bar.volume));
    return bar.high > bar.low ? 0.5 + (0.25 * (bar.close - bar.open)) / (bar.high - bar.low) : 0.5;
  }

  /** Recent turnover rate and Parkinson variance (weighted with a half-life of one horizon), then the flow's Gaussians. */
  addFlow(state, bar, turnover, offset) {
    const interval = this.intervalMs;
    const span = state.flowTime === state.flowTime ? Math.max(bar.time - state.flowTime, interval) : interval;
    const lnRange = Math.log(bar.high / bar.low);
    const keep = state.rate === state.rate ? Math.pow(0.5, span / this.horizonMs) : 0;
    state.rate = keep * (state.rate === state.rate ? state.rate : 0) + ((1 - keep) * Math.max(0, turnover)) / interval;
    state.variance = keep * (state.variance === state.variance ? state.variance : 0) + ((1 - keep) * lnRange * lnRange) / (4 * Math.LN2) / interval;
    state.flowTime = bar.time;
    const half = (this.options.turnoverShare * state.rate * this.horizonMs) / 2;
    // A price at a uniform time in the horizon: variance σ²·H/2.
    const sd = Math.sqrt((state.variance * this.horizonMs) / 2);
    const centre = Math.log(bar.close);
    const rows = this.grid.rows;
    const { flowLong, flowShort } = this;
    flowLong.fill(0);
    flowShort.fill(0);
    for (let t = 0; t < this.tiers.length; t++) {
      addGaussian(flowLong, this.centres, centre + this.longShift[t], sd, half * this.weight[t]);
      addGaussian(flowShort, this.centres, centre + this.shortShift[t], sd, half * this.weight[t]);
    }
    for (let r = 0; r < rows; r++) {
      this.columnsLong[offset + r] += flowLong[r];
      this.columnsShort[offset + r] += flowShort[r];
    }
  }
}

/** Adds `amount` as a normal density in log price, integrated per bucket by its centre (sd at least half a row). */
function addGaussian(target, centres, mean, sd, amount) {
  if (!(amount > 0)) return;
  const step = centres[1] - centres[0];
  const sigma = Math.max(sd, step / 2);
  const norm = (amount * step) / (sigma * Math.sqrt(2 * Math.PI));
  for (let r = 0; r < centres.length; r++) {
    const z = (centres[r] - mean) / sigma;
    target[r] += norm * Math.exp(-0.5 * z * z);
  }
}

/**
 * The engine's leverage spread, written out: each tier stands for the leverages between the geometric
 * midpoints to its neighbours (beyond the ends, the neighbour's ratio mirrored, never below `√L`), taken at
 * `count` points evenly spaced in log leverage with `1/count` of its weight.
 */
function naiveSpreadTiers(tiers, count) {
  if (count <= 1 || tiers.length < 2) return [...tiers];
  const leverages = tiers.map((t) => t.leverage).sort((a, b) => a - b);
  const out = [];
  for (const tier of tiers) {
    const below = leverages.filter((l) => l < tier.leverage).pop();
    const above = leverages.find((l) => l > tier.leverage);
    const up = above !== undefined ? Math.sqrt(above / tier.leverage) : Math.sqrt(tier.leverage / below);
    const down = below !== undefined ? Math.sqrt(tier.leverage / below) : up;
    const lo = Math.max(Math.sqrt(tier.leverage), tier.leverage / down);
    const hi = tier.leverage * up;
    for (let j = 0; j < count; j++) {
      const leverage = lo * Math.pow(hi / lo, (j + 0.5) / count);
      out.push({ leverage, weight: tier.weight / count, halfLifeHours: tier.halfLifeHours });
    }
  }
  return out;
}

/** Bar `i` of a series as the step consumes it. */
export function barAt(series, i) {
  return {
    time: series.openTime[i],
    open: series.open[i],
    high: series.high[i],
    low: series.low[i],
    close: series.close[i],
    volume: series.volume[i],
    quoteVolume: series.quoteVolume[i],
    takerBuyBase: series.takerBuyBase[i],
  };
}

/** Kline object (as passed to `model.update`) to the step's bar shape. */
export function barFromKline(k) {
  return {
    time: k.openTime,
    open: k.open,
    high: k.high,
    low: k.low,
    close: k.close,
    volume: k.volume,
    quoteVolume: k.quoteVolume ?? NaN,
    takerBuyBase: k.takerBuyBase ?? NaN,
  };
}
