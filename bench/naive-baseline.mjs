/**
 * A naive liquidation heatmap with the engine's semantics, written the way a straightforward
 * implementation does it; the speed baseline of the model benchmark (not an output reference).
 *
 * Same default tiers, weights, half-lives, MMR, liquidation formula, grid, sweep rule (wick-partial)
 * and turnover share as the model; per closed bar: decay every bucket of every tier eagerly, clear what
 * the bar swept, then add the bar's new positions with a Gaussian `exp()` evaluated at every bucket of
 * every tier, and write the column (sum over tiers) into a dense (bars x rows) Float32Array per side.
 */
import { DEFAULT_MODEL_OPTIONS, createPriceGrid, liquidationFactor, rowPrice } from '../dist/core.mjs';

export class NaiveHeatmap {
  constructor(options = {}) {
    const o = { ...DEFAULT_MODEL_OPTIONS, ...options };
    this.options = o;
    this.tiers = o.tiers;
    const weightSum = o.tiers.reduce((sum, tier) => sum + tier.weight, 0);
    this.weight = o.tiers.map((tier) => tier.weight / weightSum);
    this.longFactor = o.tiers.map((tier) => liquidationFactor(tier.leverage, 'long', o.mmr));
    this.shortFactor = o.tiers.map((tier) => liquidationFactor(tier.leverage, 'short', o.mmr));
    this.halfLifeMs = o.tiers.map((tier) => tier.halfLifeHours * 3_600_000);
    this.grid = null;
    this.series = null;
    this.long = this.short = this.scratchLong = this.scratchShort = null;
    this.columnsLong = this.columnsShort = null;
    this.lastTime = NaN;
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
    const rows = this.grid.rows;
    // Row centre prices (log-spaced rows): the naive way evaluates every bucket at its own price.
    this.centres = Float64Array.from({ length: rows }, (_, r) => rowPrice(this.grid, r));
    const tiers = this.tiers.length;
    this.series = series;
    this.long = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.short = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.scratchLong = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.scratchShort = Array.from({ length: tiers }, () => new Float64Array(rows));
    this.columnsLong = new Float32Array(n * rows);
    this.columnsShort = new Float32Array(n * rows);
    this.lastTime = NaN;
    for (let i = 0; i < n - 1; i++) {
      const bar = barAt(series, i);
      this.step(this.long, this.short, bar, this.lastTime, i);
      this.lastTime = bar.time;
    }
    this.tick(barAt(series, n - 1));
  }

  /** Recomputes the forming column naively: copy the closed state, apply one full step. */
  tick(bar) {
    for (let t = 0; t < this.tiers.length; t++) {
      this.scratchLong[t].set(this.long[t]);
      this.scratchShort[t].set(this.short[t]);
    }
    this.step(this.scratchLong, this.scratchShort, bar, this.lastTime, this.series.length - 1);
  }

  step(long, short, bar, lastTime, column) {
    const { rows } = this.grid;
    const centres = this.centres;
    const tiers = this.tiers.length;
    const o = this.options;

    // 1. Decay every bucket of every tier.
    const dt = lastTime === lastTime ? bar.time - lastTime : 0;
    for (let t = 0; t < tiers; t++) {
      const f = Math.pow(0.5, dt / this.halfLifeMs[t]);
      const l = long[t];
      const s = short[t];
      for (let r = 0; r < rows; r++) {
        l[r] *= f;
        s[r] *= f;
      }
    }

    // 2. Clear what the bar swept: body fully, wicks partially.
    const bodyLow = Math.min(bar.open, bar.close);
    const bodyHigh = Math.max(bar.open, bar.close);
    const keep = 1 - o.wickClear;
    let sweptLong = 0;
    let sweptShort = 0;
    for (let t = 0; t < tiers; t++) {
      const l = long[t];
      const s = short[t];
      for (let r = 0; r < rows; r++) {
        const p = centres[r];
        if (p >= bodyLow) {
          sweptLong += l[r];
          l[r] = 0;
        } else if (p >= bar.low) {
          sweptLong += l[r] * (1 - keep);
          l[r] *= keep;
        }
        if (p <= bodyHigh) {
          sweptShort += s[r];
          s[r] = 0;
        } else if (p <= bar.high) {
          sweptShort += s[r] * (1 - keep);
          s[r] *= keep;
        }
      }
    }
    this.swept = sweptLong + sweptShort;

    // 3. Add the bar's new positions: a Gaussian per tier and side, evaluated at every bucket.
    const typical = (bar.high + bar.low + bar.close) / 3;
    const turnover = bar.quoteVolume === bar.quoteVolume ? bar.quoteVolume : bar.volume * typical;
    const notional = o.turnoverShare * turnover;
    let longShare = 0.5;
    if (bar.takerBuyBase === bar.takerBuyBase && bar.volume > 0) longShare = Math.min(1, Math.max(0, bar.takerBuyBase / bar.volume));
    else if (bar.high > bar.low) longShare = 0.5 + (0.25 * (bar.close - bar.open)) / (bar.high - bar.low);
    const range = bar.high - bar.low;
    for (let t = 0; t < tiers; t++) {
      addGaussian(long[t], centres, rows, typical * this.longFactor[t], range * this.longFactor[t], notional * longShare * this.weight[t]);
      addGaussian(short[t], centres, rows, typical * this.shortFactor[t], range * this.shortFactor[t], notional * (1 - longShare) * this.weight[t]);
    }

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
  }
}

/** Adds `amount` as a normal density (mean `mu`, sigma a quarter of `width`) integrated per bucket by its midpoint. */
function addGaussian(target, centres, rows, mu, width, amount) {
  if (!(amount > 0)) return;
  const rowHeight = mu * (centres[1] / centres[0] - 1);
  const sigma = Math.max(width / 4, rowHeight / 2);
  const norm = amount / (sigma * Math.sqrt(2 * Math.PI));
  for (let r = 0; r < rows; r++) {
    const z = (centres[r] - mu) / sigma;
    const height = centres[r] * (centres[1] / centres[0] - 1);
    target[r] += norm * height * Math.exp(-0.5 * z * z);
  }
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
