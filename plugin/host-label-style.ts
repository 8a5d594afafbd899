import type { IChartApiBase, IPriceFormatter, ISeriesApi, SeriesType, Time } from 'lightweight-charts';

/** How the level labels look on the host chart: its font, the series' price format and a box like its background. */
export interface HostLabelStyle {
  fontFamily: string;
  /** Font size in media pixels. */
  fontSize: number;
  /** Fill of the label boxes: the chart's background, slightly see-through. */
  boxColor: string;
  /** The series' own price format (precision, custom formatter). */
  formatPrice: (price: number) => string;
}

const FALLBACK_FONT = `-apple-system, BlinkMacSystemFont, 'Trebuchet MS', Roboto, Ubuntu, sans-serif`;
const BOX_ALPHA = 0.8;
/** One function per formatter, so views can tell by identity that the format is unchanged. */
const formats = new WeakMap<IPriceFormatter, (price: number) => string>();

/** The label style of `series` on `chart` now (cheap: a few option reads). */
export function hostLabelStyle(chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>): HostLabelStyle {
  const layout = chart.options().layout;
  const background = layout.background.type === 'solid' ? layout.background.color : layout.background.topColor;
  const [r, g, b] = parseColor(background) ?? [255, 255, 255];
  const formatter = series.priceFormatter();
  let formatPrice = formats.get(formatter);
  if (!formatPrice) {
    formatPrice = (price) => formatter.format(price);
    formats.set(formatter, formatPrice);
  }
  return {
    fontFamily: layout.fontFamily || FALLBACK_FONT,
    fontSize: layout.fontSize > 0 ? layout.fontSize : 12,
    boxColor: `rgba(${r}, ${g}, ${b}, ${BOX_ALPHA})`,
    formatPrice,
  };
}

/** RGB of a CSS colour in hex (`#rgb`, `#rrggbb`, `#rrggbbaa`) or `rgb()`/`rgba()` form; null for other forms. */
export function parseColor(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim())?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}
