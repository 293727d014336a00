// `hostlab book --serve`: the built site on http://127.0.0.1:PORT for an author at work, rebuilt when a lab file
// changes. A plain static server (node:http): the book needs nothing more, which is the point of it. Only loopback
// is served; publishing is copying the folder to any static host.
import { createReadStream, statSync, watch, type FSWatcher } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".map": "application/json",
};

/** Serves `root` on 127.0.0.1:`port` (0: any free port). Resolves once listening. */
export function serveStatic(root: string, port: number): Promise<{ server: Server; url: string }> {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    // Paths are resolved inside the root; `..` or an absolute path cannot leave it.
    let file = path.join(base, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(base)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      statSync(file);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}`);
      return;
    }
    // No caching: after a rebuild, a reload shows the new pages.
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

/**
 * Calls `onChange` (debounced) when a lab changes: a named file, or any Markdown file in a named folder (so a new lab
 * appears too). Watches folders, not files, because editors save by replacing the file.
 */
export function watchLabs(paths: string[], onChange: (file: string) => void, debounceMs = 150): () => void {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const p of paths.map((x) => path.resolve(x))) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // a missing file: watch its folder for it to appear
    }
    if (isDir) folders.add(p);
    else files.add(p);
  }
  const relevant = (file: string) => files.has(file) || (folders.has(path.dirname(file)) && /\.(md|markdown)$/i.test(file));
  let timer: NodeJS.Timeout | null = null;
  const dirs = new Set([...folders, ...[...files].map((f) => path.dirname(f))]);
  const watchers: FSWatcher[] = [...dirs].map((dir) =>
    watch(dir, (_event, name) => {
      const file = name ? path.join(dir, name.toString()) : "";
      if (!relevant(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => onChange(file), debounceMs);
    }),
  );
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
