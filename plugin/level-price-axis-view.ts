import type { ISeriesPrimitiveAxisView } from 'lightweight-charts';

/** A coloured price-axis label at a level; the levels pane view updates its plain fields. */
export class LevelPriceAxisView implements ISeriesPrimitiveAxisView {
  y = 0;
  label = '';
  color = '#000000';
  shown = false;

  coordinate(): number {
    return this.y;
  }

  text(): string {
    return this.label;
  }

  textColor(): string {
    return '#0d1117';
  }

  backColor(): string {
    return this.color;
  }

  visible(): boolean {
    return this.shown;
  }

  tickVisible(): boolean {
    return false;
  }
}
