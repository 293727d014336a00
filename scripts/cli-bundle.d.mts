import type { BuildOptions } from "esbuild";
/** esbuild options for the CLI and the test pool's worker, written into `outdir`. */
export function cliBuildOptions(root: string, outdir: string): BuildOptions;
