import type { IPrimitivePaneRenderer, IPrimitivePaneView, PrimitivePaneViewZOrder } from 'lightweight-charts';

/** A pane view that hands the library a renderer built elsewhere (views turn state into renderers). */
export class PaneView implements IPrimitivePaneView {
  private current: IPrimitivePaneRenderer | null = null;

  constructor(private readonly layer: PrimitivePaneViewZOrder) {}

  set(renderer: IPrimitivePaneRenderer | null): void {
    this.current = renderer;
  }

  zOrder(): PrimitivePaneViewZOrder {
    return this.layer;
  }

  renderer(): IPrimitivePaneRenderer | null {
    return this.current;
  }
}
