import { DEFAULT_LEVELS_OPTIONS, mergeLevelsOptions, type LevelsOptions } from '../levels/levels-options';
import { DEFAULT_MODEL_OPTIONS, mergeModelOptions, type ModelOptions } from '../model/model-options';

/** One point of an option grid: option path (`model.sweep`, `levels.zoneFloor`) to its value. */
export type Setting = Readonly<Record<string, number | string>>;

/** The model and levels options a setting stands for. */
export interface SettingOptions {
  model: Partial<ModelOptions>;
  levels: Partial<LevelsOptions>;
}

/**
 * The cartesian product of grid specs such as `model.sweep=full,body` and `levels.zoneFloor=0.6,0.8`
 * (the first spec varies slowest). No spec gives one empty setting (the defaults).
 * @throws RangeError naming the spec, the unknown option or the value the option refuses.
 */
export function gridSettings(specs: readonly string[]): Setting[] {
  let settings: Record<string, number | string>[] = [{}];
  const seen = new Set<string>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const key = spec.slice(0, eq).trim();
    const values = spec
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (eq < 1 || values.length === 0) throw new RangeError(`grid '${spec}': expected model.NAME=V1,V2 or levels.NAME=V1,V2`);
    const [scope, name] = key.split('.');
    const known = scope === 'model' ? DEFAULT_MODEL_OPTIONS : scope === 'levels' ? DEFAULT_LEVELS_OPTIONS : null;
    if (!known || !name || !Object.prototype.hasOwnProperty.call(known, name) || name === 'tiers') {
      throw new RangeError(`grid '${spec}': unknown option ${key} (model.NAME or levels.NAME with a number or word value)`);
    }
    if (seen.has(key)) throw new RangeError(`grid '${spec}': ${key} is given twice`);
    seen.add(key);
    settings = settings.flatMap((s) => values.map((v) => ({ ...s, [key]: parseValue(v) })));
  }
  for (const s of settings) {
    const { model, levels } = settingOptions(s);
    mergeModelOptions(model);
    mergeLevelsOptions(levels);
  }
  return settings;
}

/** Splits a setting into model and levels options. */
export function settingOptions(setting: Setting): SettingOptions {
  const model: Record<string, number | string> = {};
  const levels: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(setting)) {
    const [scope, name] = key.split('.');
    (scope === 'model' ? model : levels)[name] = value;
  }
  return { model: model as Partial<ModelOptions>, levels: levels as Partial<LevelsOptions> };
}

/** `model.sweep=body levels.zoneFloor=0.6`, or `defaults` for the empty setting. */
export function settingLabel(setting: Setting): string {
  const parts = Object.entries(setting).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(' ') : 'defaults';
}

function parseValue(text: string): number | string {
  if (text === 'Infinity') return Infinity;
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}
