import type { Side } from '../model/side';
import { checkKnownOptions } from '../options/known-options';
import type { SweptZone } from '../model/swept-zone';
import { checkReport } from './check-report';
import type { Level, LevelsReport } from './level';

/** Options of {@link LevelAlerts}. */
export interface LevelAlertsOptions {
  /** A significant level within this many percent of price is `approaching`. Required, in (0, 100]. */
  approachPct: number;
  /**
   * No second alert of the same type for the same level within this much market time (ms, measured on the
   * `now` given to {@link LevelAlerts.check}, by default the report's `time`). Default 30 minutes.
   */
  cooldownMs?: number;
  /** Strength (0..1) a listed level needs to be watched; the report's nearest levels always are. Default 0.2. */
  minStrength?: number;
}

/** What happened at a level. */
export type LevelAlertType = 'approaching' | 'swept';

/** One alert from {@link LevelAlerts.check}. */
export interface LevelAlert {
  type: LevelAlertType;
  /** Identity of the level across reports (same number for the same level; never reused by one {@link LevelAlerts}). */
  id: number;
  /**
   * The level: for `approaching` as in the checked report, for `swept` as last reported before price
   * traded through it.
   */
  level: Level;
  /** The level's price. */
  price: number;
  /** Signed distance of the level's price from the report's price, percent. */
  distancePct: number;
  /** The `now` of the check that raised it (epoch ms). */
  time: number;
  /** For `swept` found in `report.swept`: the swept zone that covered the level's price. */
  sweep?: SweptZone;
}

/** A level followed across reports. */
interface Tracked {
  id: number;
  side: Side;
  level: Level;
  lastSeen: number;
  /** Number of the check that last saw it. */
  seenCheck: number;
  approachedAt: number | null;
  sweptAt: number | null;
  /** Bar time of the last `swept`: only swept zones from later bars can raise it again (one sweep, one alert). */
  sweepTime: number | null;
  /** Swept and not reported as a level since. */
  swept: boolean;
}

const ALERT_OPTION_NAMES: readonly (keyof LevelAlertsOptions)[] = ['approachPct', 'cooldownMs', 'minStrength'];
const DEFAULT_COOLDOWN_MS = 30 * 60_000;
const DEFAULT_MIN_STRENGTH = 0.2;

/**
 * Watches levels reports for price approaching or sweeping a significant liquidation level. Stateful: feed
 * it every report in time order (`check`), it returns the new alerts.
 *
 * - **Which levels:** the report's nearest levels and every listed level with strength ≥ `minStrength`.
 * - **Identity:** a level is the same level from one report to the next when it is on the same side and its
 *   zone (`low`..`high`) overlaps the zone it had (levels drift as the model updates); the largest overlaps
 *   pair first, each report level and each followed level used at most once. {@link LevelAlert.id} names it.
 * - **`approaching`:** a watched level's price is within `approachPct` percent of the report's price.
 * - **`swept`:** a level reported in one of the previous checks (the last one, or within the cool-down
 *   before now) was traded through, judged on the level as last reported: either a swept zone of the same
 *   side in `report.swept`, from a bar at or after the previous check's time, covers the level's price
 *   (wicks count) and did not already cover it in the previous report (the level outlived that sweep), or
 *   the report's price is beyond the level's price (below a long level, above a short one). A swept zone
 *   from the bar of an earlier `swept` of that level never raises another, and a level is not reported
 *   swept again until it is reported as a level again.
 * - **Cool-down:** no second alert of the same type for the same level within `cooldownMs` of market time
 *   (`now`, by default the report's `time`, never the wall clock, so replays behave like live runs).
 */
export class LevelAlerts {
  readonly approachPct: number;
  readonly cooldownMs: number;
  readonly minStrength: number;
  private tracked: Tracked[] = [];
  private checks = 0;
  private ids = 0;
  private lastTime: number | null = null;
  private lastSwept: readonly SweptZone[] = [];

  /** @throws RangeError naming a bad option, or one that is not one of {@link LevelAlertsOptions}. */
  constructor(options: LevelAlertsOptions) {
    const o = (options ?? {}) as Partial<LevelAlertsOptions>;
    checkKnownOptions(o, ALERT_OPTION_NAMES, 'LevelAlerts');
    const check = (name: keyof LevelAlertsOptions, value: unknown, ok: (v: number) => boolean, what: string): number => {
      if (typeof value !== 'number' || !ok(value)) throw new RangeError(`LevelAlerts: ${name} must be ${what}, got ${String(value)}`);
      return value;
    };
    this.approachPct = check('approachPct', o.approachPct, (v) => v > 0 && v <= 100, 'a number in (0, 100]');
    this.cooldownMs = check('cooldownMs', o.cooldownMs ?? DEFAULT_COOLDOWN_MS, (v) => v >= 0 && Number.isFinite(v), 'a finite number of ms >= 0');
    this.minStrength = check('minStrength', o.minStrength ?? DEFAULT_MIN_STRENGTH, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
  }

  /**
   * The alerts raised by `report` (swept first, then approaching, nearest first). `now` is market time in
   * epoch ms, by default `report.time`; keep it non-decreasing ({@link reset} to start over).
   * @throws RangeError naming the argument when `report` is not a levels report or `now` is not finite.
   */
  check(report: LevelsReport, now?: number): LevelAlert[] {
    checkReport(report, 'LevelAlerts.check');
    return this.checkAt(report, now === undefined ? report.time : now);
  }

  private checkAt(report: LevelsReport, now: number): LevelAlert[] {
    if (!Number.isFinite(now)) throw new RangeError(`LevelAlerts: now must be a finite time in ms, got ${String(now)}`);
    const price = report.price;
    const check = ++this.checks;
    const previousTime = this.lastTime;
    const previousSwept = this.lastSwept;
    this.lastTime = now;
    this.lastSwept = report.swept;
    const alerts: LevelAlert[] = [];
    const due = (last: number | null) => last === null || now - last >= this.cooldownMs;
    const distance = (levelPrice: number) => ((levelPrice - price) / price) * 100;

    // Swept: judged against each level as last reported, before this report updates it.
    const sweptNow = new Set<Tracked>();
    if (previousTime !== null) {
      for (const t of this.tracked) {
        const active = t.seenCheck === check - 1 || now - t.lastSeen <= this.cooldownMs;
        if (!active || t.swept || !due(t.sweptAt)) continue;
        const at = t.level.price;
        const covers = (z: SweptZone) => z.side === t.side && z.low <= at && at <= z.high;
        const seenBefore = (z: SweptZone) => previousSwept.some((p) => p.time === z.time && covers(p));
        const fresh = (z: SweptZone) => z.time >= previousTime && (t.sweepTime === null || z.time > t.sweepTime) && !seenBefore(z);
        const sweep = report.swept.find((z) => covers(z) && fresh(z));
        const crossed = t.side === 'long' ? price < at : price > at;
        if (!sweep && !crossed) continue;
        t.swept = true;
        t.sweptAt = now;
        t.sweepTime = Math.max(report.time, sweep?.time ?? -Infinity);
        sweptNow.add(t);
        alerts.push({ type: 'swept', id: t.id, level: t.level, price: at, distancePct: distance(at), time: now, ...(sweep ? { sweep } : {}) });
      }
    }

    // Follow this report's levels: pairs with the largest zone overlap first, each level used at most once.
    const levels = this.watched(report);
    const pairs: { level: Level; t: Tracked; overlap: number }[] = [];
    for (const level of levels) {
      for (const t of this.tracked) {
        if (t.side !== level.side) continue;
        const overlap = Math.min(t.level.high, level.high) - Math.max(t.level.low, level.low);
        if (overlap > 0 || (overlap === 0 && (t.level.low === t.level.high || level.low === level.high))) pairs.push({ level, t, overlap });
      }
    }
    pairs.sort((a, b) => b.overlap - a.overlap || Math.abs(a.t.level.price - a.level.price) - Math.abs(b.t.level.price - b.level.price));
    const owner = new Map<Level, Tracked>();
    const taken = new Set<Tracked>();
    for (const { level, t } of pairs) {
      if (owner.has(level) || taken.has(t)) continue;
      owner.set(level, t);
      taken.add(t);
    }
    const approaching: LevelAlert[] = [];
    for (const level of levels) {
      let t = owner.get(level);
      if (!t) {
        t = { id: ++this.ids, side: level.side, level, lastSeen: now, seenCheck: check, approachedAt: null, sweptAt: null, sweepTime: null, swept: false };
        this.tracked.push(t);
      }
      t.level = level;
      t.lastSeen = now;
      t.seenCheck = check;
      t.swept = false;
      if (!sweptNow.has(t) && Math.abs(distance(level.price)) <= this.approachPct && due(t.approachedAt)) {
        t.approachedAt = now;
        approaching.push({ type: 'approaching', id: t.id, level, price: level.price, distancePct: distance(level.price), time: now });
      }
    }
    approaching.sort((a, b) => Math.abs(a.distancePct) - Math.abs(b.distancePct));

    // Forget levels no longer reported once nothing about them can matter.
    this.tracked = this.tracked.filter((t) => t.seenCheck === check || now - t.lastSeen <= this.cooldownMs || !due(t.approachedAt) || !due(t.sweptAt));
    return [...alerts, ...approaching];
  }

  /** Forgets every level and cool-down (e.g. before replaying another series). */
  reset(): void {
    this.tracked = [];
    this.checks = 0;
    this.lastTime = null;
    this.lastSwept = [];
  }

  /** The significant levels of a report, strongest first, without repeats. */
  private watched(report: LevelsReport): Level[] {
    const out: Level[] = [];
    const seen = new Set<string>();
    const add = (level: Level | null, always: boolean) => {
      if (!level || (!always && !(level.strength >= this.minStrength))) return;
      const key = `${level.side}:${level.price}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(level);
    };
    add(report.nearestBelow, true);
    add(report.nearestAbove, true);
    for (const level of [...report.below, ...report.above]) add(level, false);
    return out.sort((a, b) => b.strength - a.strength);
  }
}
