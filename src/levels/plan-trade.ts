import { checkReport } from './check-report';
import type { LevelsReport } from './level';
import { aheadZone, againstZone, checkPlacementRequest, show, suggestStop, targetCandidates, type Placement, type TradeSide } from './placement';

/** Inputs of {@link planTrade}. */
export interface TradePlanRequest {
  side: TradeSide;
  /** Entry price (finite, positive). */
  entry: number;
  /** Distance kept from a zone edge, percent of the edge price. Default 0.1. */
  bufferPct?: number;
  /** Strength (0..1) a zone needs to be used. Default 0.2. */
  minStrength?: number;
  /** Most targets returned. Default 3. */
  maxTargets?: number;
  /**
   * Account risk in quote currency (e.g. USDT lost if the stop is hit). With it and a stop, the plan
   * carries `size` (base units) and the profit or loss at every price.
   */
  risk?: number;
}

/** The stop of a {@link TradePlan}: a placement, with the loss at it when a risk was given. */
export interface PlannedStop extends Placement {
  /** Profit (positive) or loss (negative) in quote currency if filled here with `size`; only with `risk` and a stop. */
  pnl?: number;
}

/** A target of a {@link TradePlan}. */
export interface PlannedTarget extends Placement {
  /** Target price, never null for a target. */
  price: number;
  /** `|target - entry| / |entry - stop|`; null without a stop. */
  rewardToRisk: number | null;
  /** Profit in quote currency if filled here with `size`; only with `risk` and a stop. */
  pnl?: number;
}

/** A stop and targets placed around liquidation zones, each with the level it came from. */
export interface TradePlan {
  side: TradeSide;
  entry: number;
  /** Beyond the nearest significant zone against the trade; `price` null (and `reason` says why) without one. */
  stop: PlannedStop;
  /** Just before the next significant zones in the trade's direction, nearest first; empty without one. */
  targets: PlannedTarget[];
  /** Position size in base units, `risk / |entry - stop|`; only with `risk` and a stop. */
  size?: number;
  /** What the plan could not do and why, in words (no stop, no targets, fewer targets, no size). */
  notes: string[];
}

const DEFAULT_MAX_TARGETS = 3;
/** Fields of a {@link TradePlanRequest} beyond those of a placement request. */
const PLAN_ONLY_FIELDS: readonly (keyof TradePlanRequest)[] = ['maxTargets', 'risk'];

/**
 * A trade plan from a levels report: a stop placed beyond the nearest significant liquidation zone against
 * the trade (outside its far edge plus a buffer, never inside it: see {@link suggestStop}), up to
 * `maxTargets` targets just before the next significant zones in the trade's direction (see
 * {@link suggestTargets}), the reward-to-risk of each, and with `risk` the position size and the profit or
 * loss at every price. When a side has no significant zone, the plan says so in `notes` instead of
 * inventing a price. Throws a `RangeError` naming a bad report or request field.
 *
 * ```ts
 * const plan = planTrade(modelLevels(model), { side: 'long', entry: 101_500, risk: 200 });
 * plan.stop.price;                 // below the low of the nearest long-liquidation zone under 101,500
 * plan.targets.map((t) => t.rewardToRisk);
 * ```
 */
export function planTrade(report: LevelsReport, request: TradePlanRequest): TradePlan {
  checkReport(report, 'planTrade');
  checkPlacementRequest(request, 'planTrade', PLAN_ONLY_FIELDS);
  const { side, entry, risk } = request;
  const maxTargets = request.maxTargets ?? DEFAULT_MAX_TARGETS;
  if (typeof maxTargets !== 'number' || !Number.isInteger(maxTargets) || maxTargets < 0 || maxTargets > 100)
    throw new RangeError(`planTrade: maxTargets must be a whole number from 0 to 100, got ${show(maxTargets)}`);
  if (risk !== undefined && (typeof risk !== 'number' || !Number.isFinite(risk) || risk <= 0))
    throw new RangeError(`planTrade: risk must be a finite positive amount, got ${show(risk)}`);
  const placement = { side, entry, bufferPct: request.bufferPct, minStrength: request.minStrength };
  const notes: string[] = [];

  const stop: PlannedStop = suggestStop(report, placement);
  if (stop.price === null) notes.push(`no significant ${againstZone(side)} the entry: no stop suggested`);
  const riskPerUnit = stop.price === null ? null : Math.abs(entry - stop.price);

  const candidates = maxTargets > 0 ? targetCandidates(report, placement) : [];
  const usable = candidates.filter((c) => c.ahead).map((c) => c.placement);
  for (const { placement: skipped } of candidates.filter((c) => !c.ahead)) {
    const zone = skipped.level;
    notes.push(`the ${zone.side} zone ${zone.low.toPrecision(6)}-${zone.high.toPrecision(6)} starts within the buffer of the entry: no target before it`);
  }
  const n = usable.length;
  if (maxTargets > 0 && n === 0) notes.push(`no significant ${aheadZone(side)} the entry: no targets`);
  else if (n > 0 && n < maxTargets) notes.push(`only ${n} significant ${aheadZone(side).replace('zone', n > 1 ? 'zones' : 'zone')} the entry: ${n} target${n > 1 ? 's' : ''}`);
  const targets: PlannedTarget[] = usable.slice(0, maxTargets).map((t) => ({
    ...t,
    price: t.price,
    rewardToRisk: riskPerUnit ? Math.abs(t.price - entry) / riskPerUnit : null,
  }));

  const plan: TradePlan = { side, entry, stop, targets, notes };
  if (risk !== undefined) {
    if (!riskPerUnit) {
      notes.push('no stop: size not computed');
    } else {
      const size = risk / riskPerUnit;
      plan.size = size;
      stop.pnl = -risk;
      for (const t of targets) t.pnl = size * Math.abs(t.price - entry);
    }
  }
  return plan;
}
