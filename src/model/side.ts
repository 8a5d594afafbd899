/** `long`: longs get liquidated there (below price). `short`: shorts get liquidated there (above price). */
export type Side = 'long' | 'short';
