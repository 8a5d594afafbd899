import { CanvasRenderingTarget2D, size } from 'fancy-canvas';

/** One recorded call on the fake 2D context. */
export interface Call {
  method: string;
  args: unknown[];
}

/** A 2D context that records every method call and property write; `calls` and `props` hold them. */
export function recordingContext(): { context: CanvasRenderingContext2D; calls: Call[]; props: Record<string, unknown>; writes: [string, unknown][] } {
  const calls: Call[] = [];
  const props: Record<string, unknown> = {};
  const writes: [string, unknown][] = [];
  const context = new Proxy(
    {},
    {
      get(_target, name: string) {
        if (name === 'measureText') return (text: string) => ({ width: text.length * 6 });
        if (name in props) return props[name];
        return (...args: unknown[]) => {
          calls.push({ method: name, args });
        };
      },
      set(_target, name: string, value: unknown) {
        props[name] = value;
        writes.push([name, value]);
        return true;
      },
    },
  ) as CanvasRenderingContext2D;
  return { context, calls, props, writes };
}

/** A fancy-canvas rendering target over a recording context, at the given media size and pixel ratio. */
export function recordingTarget(width: number, height: number, ratio: number) {
  const recorder = recordingContext();
  const target = new CanvasRenderingTarget2D(recorder.context, size({ width, height }), size({ width: Math.round(width * ratio), height: Math.round(height * ratio) }));
  return { target, ...recorder };
}

export function callsOf(calls: Call[], method: string): unknown[][] {
  return calls.filter((c) => c.method === method).map((c) => c.args);
}
