import type { ColumnsReader } from './columns-reader';
import type { ColumnView } from '../src/model/model-types';
import type { ColumnSource } from './cell-image';

/**
 * The model's columns as a {@link ColumnSource}, each view made once per model revision: the colour
 * reference reads every visible column on each pan frame, and a fresh view is two typed-array views and
 * an object per column, more than the rest of its work. Views of an older revision are never handed out.
 */
export class ColumnViews implements ColumnSource {
  private views: (ColumnView | null)[] = [];
  private model: ColumnsReader | null = null;
  private data = -1;
  private tail = -1;

  /** This source over `model` as it is now (views made for another model or revision are dropped). */
  of(model: ColumnsReader): ColumnSource {
    const { data, tail } = model.revision;
    if (model !== this.model || data !== this.data || tail !== this.tail) {
      this.model = model;
      this.data = data;
      this.tail = tail;
      this.views.fill(null);
    }
    if (this.views.length < model.length) {
      for (let i = this.views.length; i < model.length; i++) this.views.push(null);
    }
    return this;
  }

  columnAt(i: number): ColumnView {
    let view = this.views[i];
    if (!view) {
      view = (this.model as ColumnsReader).columnAt(i);
      this.views[i] = view;
    }
    return view;
  }

  /** Drops every view (detach). */
  reset(): void {
    this.views = [];
    this.model = null;
    this.data = this.tail = -1;
  }
}
