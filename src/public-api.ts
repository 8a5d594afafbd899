/**
 * The headless API both entries publish: parsing, the model, levels and placement, the Binance client.
 * Explicit on purpose: internals (storage, parsers of single forms, CLI helpers) and the evaluation tools
 * (a CLI command: `liq-heatmap evaluate`, `first-touch`) stay out.
 */
export type { Kline, KlineGap, KlineSeries } from './klines/kline';
export { KlineError, type KlineErrorKind } from './klines/kline-error';
export { BINANCE_INTERVALS, intervalToMs, isBinanceInterval, msToInterval, parseDuration, type BinanceInterval } from './klines/interval';
export { MODEL_INTERVAL, modelIntervalFor } from './klines/model-interval';
export { CandleAggregator, aggregateKlines } from './klines/candle-aggregator';
export { toEpochMs } from './klines/epoch-ms';
export { toKlineSeries, type KlineSeriesOptions } from './klines/to-series';
export { parseKlines, parseKline, type ParseKlinesOptions } from './klines/parse-klines';
export { syntheticKlines, seededRandom, type SyntheticKlinesOptions } from './klines/synthetic-klines';

export type { Side } from './model/side';
export { liquidationPrice, liquidationFactor, bracketFor, defaultMmr, type LiquidationPriceInput, type MarginBracket } from './model/liquidation-price';
export { DEFAULT_MODEL_OPTIONS, DEFAULT_TIERS, mergeModelOptions, type IntrabarSweep, type LeverageTier, type ModelOptions, type SideSplit, type SweepRule } from './model/model-options';
export { createPriceGrid, gridMax, gridMin, priceAtRow, rowHeightPct, rowLow, rowOf, rowPosition, rowPrice, type GridSpec, type PriceGrid } from './model/price-grid';
export type { OpenInterestInput, OpenInterestPoint } from './model/open-interest';
export type { SweptZone, SweptZoneAt } from './model/swept-zone';
export type { KlineView } from './model/kline-buffer';
export { historyNeededMs, warmupMs, WARMUP_TOLERANCE, type WarmupStatus } from './model/warmup';
export { LiquidationModel } from './model/liquidation-model';
export type { AsyncControl, CellDensity, ColumnView, DensityUnit, ModelContext, ModelRevision, UpdateResult } from './model/model-types';

export type { Level, LevelsReport, Bias, BiasLabel } from './levels/level';
export { DEFAULT_LEVELS_OPTIONS, mergeLevelsOptions, type LevelsOptions } from './levels/levels-options';
export { modelLevels, modelDensityAt, warmLevels } from './levels/model-levels';
export { suggestStop, suggestTargets, type Placement, type PlacementRequest, type TradeSide } from './levels/placement';
export { formatPrice, formatNotional, formatPct, formatLevelLabel } from './levels/format-level';
export { planTrade, type TradePlan, type TradePlanRequest, type PlannedStop, type PlannedTarget } from './levels/plan-trade';
export { LevelAlerts, type LevelAlert, type LevelAlertType, type LevelAlertsOptions } from './levels/alerts';

export { BinanceError, type BinanceErrorKind } from './binance/binance-error';
export type { MarkPriceUpdate, OpenInterestNow, PremiumIndex, SymbolInfo, Ticker24h } from './binance/binance-types';
export { BinanceRestClient } from './binance/rest-client';
export { DEFAULT_REST_BASE_URL, type BinanceRestOptions, type BodyStreamLike, type FetchLike, type RequestOptions, type ResponseLike, type SleepLike } from './binance/rest-options';
export type { KlinesLookbackRequest, KlinesRangeRequest, KlinesRequest, OpenInterestHistRequest } from './binance/rest-requests';
export type { KlineRange, KlineRangeProgress } from './binance/rest-kline-range';
export { OPEN_INTEREST_PERIODS, type OpenInterestPeriod } from './binance/rest-validate';
export { BinanceLiveFeed } from './binance/live-feed';
export { DEFAULT_WS_BASE_URL, liveStreamUrl } from './binance/live-stream-url';
export type { LiveFeedOptions, LiveFeedStatus, WebSocketFactory, WebSocketLike } from './binance/live-feed-types';
export type { LiveClock } from './binance/live-clock';
export { BinanceSession } from './binance/binance-session';
export type { BinanceSessionOptions, SessionHistory, SessionLiveHandlers } from './binance/binance-session-options';
