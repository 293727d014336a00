// just-bash's browser build still imports `node:zlib` for its gzip, gunzip and `rg -z` commands. A page has no zlib,
// so the book aliases `node:zlib` to this module: those commands fail with a message and the rest of the shell works.
// (Nothing in the course needs them; CompressionStream is asynchronous and cannot stand in for a *Sync call.)

const UNAVAILABLE = "gzip is not available in the browser terminal (run the lab with `hostlab run` for it)";

/** The zlib constants just-bash reads when it picks a compression level. */
export const constants = { Z_BEST_COMPRESSION: 9, Z_BEST_SPEED: 1, Z_DEFAULT_COMPRESSION: -1 };

/** Refuses, as there is no synchronous inflate in a browser. */
export function gunzipSync(): never {
  throw new Error(UNAVAILABLE);
}

/** Refuses, as there is no synchronous deflate in a browser. */
export function gzipSync(): never {
  throw new Error(UNAVAILABLE);
}
