import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const external = ['lightweight-charts', 'fancy-canvas', 'ws', /^node:/];
const ts = () => typescript({ tsconfig: './tsconfig.json', compilerOptions: { declaration: false, outDir: 'dist' }, include: ['src/**/*.ts', 'plugin/**/*.ts'] });

export default [
  {
    input: 'plugin/index.ts',
    external,
    plugins: [ts()],
    output: [
      { file: 'dist/index.mjs', format: 'es', sourcemap: true },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: true },
      {
        file: 'dist/index.umd.js',
        format: 'umd',
        name: 'LiqHeatmap',
        globals: { 'lightweight-charts': 'LightweightCharts' },
        sourcemap: true,
      },
    ],
  },
  {
    input: 'src/index.ts',
    external,
    plugins: [ts()],
    output: [
      { file: 'dist/core.mjs', format: 'es', sourcemap: true },
      { file: 'dist/core.cjs', format: 'cjs', sourcemap: true },
    ],
  },
  {
    input: 'src/cli/main.ts',
    external,
    plugins: [ts()],
    output: { file: 'dist/cli.mjs', format: 'es', banner: '#!/usr/bin/env node', sourcemap: true },
  },
  { input: 'plugin/index.ts', external, plugins: [dts()], output: { file: 'dist/index.d.ts', format: 'es' } },
  { input: 'src/index.ts', external, plugins: [dts()], output: { file: 'dist/core.d.ts', format: 'es' } },
];
