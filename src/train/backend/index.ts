/**
 * The training backend layer. Environment-neutral: imports neither node:fs
 * nor Vite `?url` modules. To start a backend call
 *   - selectNodeBackend(tf, options)    from './select-node.ts'    (CLI, tests, bench)
 *   - selectBrowserBackend(tf, options) from './select-browser.ts' (page or worker)
 * which register the kernels below and return a BackendReport. Before
 * training, refuse when report.issues (or trainableOn for a user-chosen
 * backend) is non-empty, and show the reasons by node.
 */
export { selectBackend, DEFAULT_ORDER, type BackendName, type BackendReport, type Platform, type SelectOptions } from './select.ts';
export { trainableOn, kernelsFor, BASIC_KERNELS, type TrainIssue } from './trainable.ts';
export { registerWasmTrainingKernels, WASM_TRAINING_KERNELS } from './wasm-kernels.ts';
export { registerGradientFixes, GRADIENT_FIXES } from './gradient-fixes.ts';
