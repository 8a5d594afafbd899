import type { Kline, KlineSeries } from '../src/klines/kline';
import { KlineError } from '../src/klines/kline-error';
import type { LevelsReport } from '../src/levels/level';
import { mergeLevelsOptions, type LevelsOptions } from '../src/levels/levels-options';
import { modelDensityAt, modelLevels, warmLevels } from '../src/levels/model-levels';
import { planTrade, type TradePlan, type TradePlanRequest } from '../src/levels/plan-trade';
import { LiquidationModel, type AsyncControl, type DensityUnit, type ModelContext, type UpdateResult } from '../src/model/liquidation-model';
import { mergeModelOptions, type ModelOptions } from '../src/model/model-options';
import { parseOpenInterest, type OpenInterestPoint, type OpenInterestInput } from '../src/model/open-interest';
import { toKline, toSeries, toSeriesAsync, type KlinesInput } from './klines-input';
import { intervalToMs, isBinanceInterval, msToInterval } from '../src/klines/interval';
import { wsKlineIdentity } from '../src/klines/ws-kline-identity';
import { LoadAbortError } from './load-abort-error';

/** Density at one cell, in the model's unit. */
export interface DensityReading {
  /** Long-liquidation density of the cell (positions liquidated if price falls to it). */
  long: number;
  /** Short-liquidation density of the cell (positions liquidated if price rises to it). */
  short: number;
  /** `long + short`. */
  total: number;
  /** Unit of the three: `'usd'` (estimated, with open interest) or `'heat'` (relative). */
  unit: DensityUnit;
}

/** Pacing of a load: slice length and progress (cancellation is the controller's). */
export type LoadControl = Omit<AsyncControl, 'signal'>;

/** A rebuild of the current bars (open interest or model options changed) and the callers waiting for it. */
interface Rebuild {
  readonly abort: AbortController;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * The overlay's data, without the chart: owns the model drawn now, swaps in models built in slices
 * (`setDataAsync`, open interest, model options) while the current one stays drawn and takes ticks,
 * re-applies those ticks to the new model, and answers the queries (levels, trade plan, density).
 * A newer `setData`/`setDataAsync` or {@link abort} cancels pending work, whose promises reject with a
 * {@link LoadAbortError}. `onChange` runs whenever what is drawn changed.
 */
export class HeatmapDataController {
  private current: LiquidationModel;
  private context: ModelContext = {};
  private modelOptions: Partial<ModelOptions>;
  private levelsOptions: Partial<LevelsOptions>;
  private report: LevelsReport | null = null;
  private reportKey = '';
  private load: AbortController | null = null;
  private loadSettled: Promise<unknown> = Promise.resolve();
  private rebuild: Rebuild | null = null;
  private nextOpenInterest: readonly OpenInterestPoint[] | null = null;
  private ticks: Kline[] = [];
  /** The symbol the websocket ticks since the last new data named (the first one's). */
  private streamSymbol: string | undefined;

  constructor(
    options: { model?: Partial<ModelOptions>; levels?: Partial<LevelsOptions> } = {},
    private readonly onChange: () => void = () => undefined,
  ) {
    this.modelOptions = options.model ?? {};
    this.levelsOptions = options.levels ?? {};
    mergeLevelsOptions(this.levelsOptions);
    this.current = new LiquidationModel(this.modelOptions);
  }

  /** The model drawn now (read it; change it through the controller). */
  get model(): LiquidationModel {
    return this.current;
  }

  /** True while a {@link setDataAsync} load runs: the model drawn now is about to be replaced by other data. */
  get replacing(): boolean {
    return this.load !== null;
  }

  /** Replaces the klines at once and cancels pending work. Bad input throws and changes nothing. */
  setData(klines: KlinesInput, context: ModelContext = {}): void {
    const fresh = new LiquidationModel(this.modelOptions);
    fresh.setData(toSeries(klines), context);
    this.streamSymbol = undefined;
    this.abort('superseded by a newer setData');
    this.swap(fresh, context);
  }

  /**
   * Converts and computes in slices while the current model stays drawn, then swaps the result in.
   * Cancels pending work; rejects with a {@link LoadAbortError} when cancelled itself, or with the
   * `KlineError` naming row and field (nothing changes).
   */
  setDataAsync(klines: KlinesInput, context: ModelContext = {}, control: LoadControl = {}): Promise<void> {
    this.abort('superseded by a newer setDataAsync');
    this.streamSymbol = undefined;
    const abort = new AbortController();
    this.load = abort;
    const run = this.loadAsync(klines, context, control, abort).finally(() => {
      if (this.load === abort) this.load = null;
    });
    this.loadSettled = run.catch(() => undefined);
    return run;
  }

  /** Applies the latest kline (any accepted form) to the drawn model and, later, to any model being built. */
  update(kline: unknown): UpdateResult {
    // JSON text is parsed once, for the kline and for the message's symbol and interval alike.
    const input = typeof kline === 'string' ? parsedJson(kline) : kline;
    const parsed = toKline(input);
    const { symbol } = this.checkStream(input);
    const result = this.current.update(parsed);
    this.streamSymbol ??= symbol;
    if (this.load || this.rebuild) this.ticks.push(parsed);
    if (result !== 'stale') this.onChange();
    return result;
  }

  /**
   * Replaces the open-interest history (sizes become estimated USD): rebuilds in slices after any
   * pending load. Bad points throw a `RangeError` naming row and field at once.
   */
  setOpenInterest(points: readonly OpenInterestInput[]): Promise<void> {
    this.nextOpenInterest = parseOpenInterest(points);
    return this.requestRebuild();
  }

  /** New model options (validated at once): rebuilds in slices after any pending load, like {@link setOpenInterest}. */
  setModelOptions(options: Partial<ModelOptions>): Promise<void> {
    mergeModelOptions(options);
    this.modelOptions = options;
    return this.requestRebuild();
  }

  /** New levels options (validated at once); the next {@link levels} uses them. */
  setLevelsOptions(options: Partial<LevelsOptions>): void {
    mergeLevelsOptions(options);
    this.levelsOptions = options;
    this.reportKey = '';
    this.onChange();
  }

  /** Cancels pending loads and rebuilds: their promises reject with a {@link LoadAbortError}; the drawn model stays. */
  abort(reason = 'aborted'): void {
    const error = new LoadAbortError(`pending load cancelled: ${reason}`);
    this.load?.abort(error);
    this.rebuild?.abort.abort(error);
    this.load = this.rebuild = this.nextOpenInterest = null;
    this.ticks = [];
  }

  /** The levels report of the latest column, or null before data; cached per model revision. */
  levels(): LevelsReport | null {
    const model = this.current;
    if (model.length === 0) return null;
    const key = `${model.revision.data}:${model.revision.tail}`;
    if (key !== this.reportKey) {
      this.report = modelLevels(model, this.levelsOptions);
      this.reportKey = key;
    }
    return this.report;
  }

  /** A trade plan from the latest levels report (see `planTrade`); null before data. */
  planTrade(request: TradePlanRequest): TradePlan | null {
    const report = this.levels();
    return report ? planTrade(report, request) : null;
  }

  /** Density at a bar (its open time, epoch ms) and price, or null outside the heatmap. */
  densityAt(ms: number, price: number): DensityReading | null {
    const reading = modelDensityAt(this.current, ms, price);
    return reading ? { ...reading, unit: this.current.unit } : null;
  }

  private async loadAsync(klines: KlinesInput, context: ModelContext, control: LoadControl, abort: AbortController): Promise<void> {
    const series = await toSeriesAsync(klines, { sliceMs: control.sliceMs, signal: abort.signal });
    // Every tick since this call (pending work was cancelled and its ticks dropped) is for the new data.
    const fresh = await this.build(series, context, control, abort.signal, 0);
    this.load = null;
    this.swap(fresh, context);
  }

  private requestRebuild(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const previous = this.rebuild;
      const job: Rebuild = { abort: new AbortController(), waiters: [...(previous?.waiters ?? []), { resolve, reject }] };
      // The newer rebuild includes every change the previous one was for: its callers wait for this one.
      if (previous) {
        previous.waiters = [];
        previous.abort.abort(new LoadAbortError('restarted with newer inputs'));
      }
      this.rebuild = job;
      this.runRebuild(job).then(
        () => job.waiters.forEach((w) => w.resolve()),
        (error: unknown) => job.waiters.forEach((w) => w.reject(error)),
      );
    });
  }

  private async runRebuild(job: Rebuild): Promise<void> {
    await this.loadSettled;
    const { signal } = job.abort;
    if (signal.aborted) throw signal.reason;
    const source = this.current;
    const context: ModelContext = { ...this.context, openInterest: this.nextOpenInterest ?? this.context.openInterest, lastBarForming: source.hasForming };
    const fresh = await this.build(source.klines.toSeries(), context, {}, signal, this.ticks.length);
    this.rebuild = null;
    this.nextOpenInterest = null;
    this.swap(fresh, context);
  }

  /** A model over `series` built in slices, then given the ticks from index `since` on, which arrived meanwhile. */
  private async build(series: KlineSeries, context: ModelContext, control: LoadControl, signal: AbortSignal, since: number): Promise<LiquidationModel> {
    if (signal.aborted) throw signal.reason;
    const fresh = new LiquidationModel(this.modelOptions);
    await fresh.setDataAsync(series, context, { ...control, signal });
    if (signal.aborted) throw signal.reason;
    // The level ids are tracked from two days back: in slices too, so the first report is one bar's work.
    await warmLevels(fresh, this.levelsOptions, { sliceMs: control.sliceMs, signal });
    for (const tick of this.ticks.slice(since)) replay(fresh, tick);
    return fresh;
  }

  /**
   * A websocket kline that names another interval than the drawn model's klines, or another symbol than the
   * stream's earlier ticks (since the last `setData`/`setDataAsync`), would be taken for this market's bar:
   * refused with a `KlineError` naming the message's field.
   */
  private checkStream(kline: unknown): { symbol?: string } {
    const { symbol, interval } = wsKlineIdentity(kline);
    const ms = this.current.klines.intervalMs;
    // While new data loads, its ticks may be of its own interval: the load decides which it can take.
    if (!this.load && interval !== undefined && isBinanceInterval(interval) && ms > 0 && intervalToMs(interval) !== ms) {
      throw new KlineError('mixed-interval', `a ${interval} kline for a heatmap of ${msToInterval(ms) ?? `${ms} ms`} klines`, undefined, 'k.i', 'update');
    }
    if (symbol !== undefined && this.streamSymbol !== undefined && symbol !== this.streamSymbol) {
      throw new KlineError('format', `a ${symbol} kline for a heatmap fed ${this.streamSymbol} ticks`, undefined, 's', 'update');
    }
    return { symbol };
  }

  private swap(model: LiquidationModel, context: ModelContext): void {
    this.current = model;
    this.context = context;
    if (!this.load && !this.rebuild) this.ticks = [];
    this.onChange();
  }
}

/** Applies a carried-over tick; one the new bars cannot take (another interval) is dropped: the new data wins. */
function replay(model: LiquidationModel, tick: Kline): void {
  try {
    model.update(tick);
  } catch (error) {
    if (!(error instanceof KlineError)) throw error;
  }
}

/** `text` parsed as JSON, or `text` itself when it is not JSON (the kline parser then says why). */
function parsedJson(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
