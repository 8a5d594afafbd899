import type { BootstrapOptions } from '../../src/evaluate/bootstrap';
import type { CrossValidation, CvFold } from '../../src/evaluate/cross-validate';
import type { EvaluationSummary } from '../../src/evaluate/evaluation-summary';
import type { FirstTouchResult } from '../../src/evaluate/first-touch';
import type { FillEstimate } from '../../src/evaluate/missing-fills';
import type { Setting } from '../../src/evaluate/option-grid';
import type { WindowScore } from '../../src/evaluate/window-score';
import type { DensityRow } from '../../src/cli/density-command';

/** `liq-heatmap density --json`: the last closed bar's column. */
export interface DensityJson {
  time: number;
  price: number;
  rows: DensityRow[];
}

/** What every `evaluate --json` starts with. */
interface EvaluateHeader {
  horizonMs: number;
  lookbackMs: number;
  bootstrap: BootstrapOptions;
  klinesSymbols: string[];
  /** Tier-1 maintenance margin rate each scored symbol was modelled with. */
  mmr: Record<string, number>;
  /** How orders without a recorded fill were scored. */
  missingFill: Omit<FillEstimate, 'orders'>;
}

/** `liq-heatmap evaluate --json`: the summary and every scored window. */
export interface EvaluateJson extends EvaluateHeader {
  summary: EvaluationSummary;
  windows: WindowScore[];
}

/** `liq-heatmap evaluate --cv day --json`: the folds name the setting each chose. */
export interface CrossValidationJson extends EvaluateHeader, Omit<CrossValidation, 'folds'> {
  cv: 'day';
  folds: (CvFold & { setting: Setting; label: string })[];
}

/** `liq-heatmap first-touch --json`: the result with the run's inputs. */
export interface FirstTouchJson extends FirstTouchResult {
  file: string;
  symbol: string | null;
  horizonMs: number;
  every: number;
  lookbackMs: number;
}
