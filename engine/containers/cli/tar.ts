/**
 * A tar stream (POSIX.1-1988 ustar, as Go's archive/tar writes for podman export and docker export): one 512-byte
 * header per entry — name (split into prefix/name past 100 bytes), octal mode, uid, gid, size and mtime,
 * checksum, type flag (0 file, 2 symlink, 3/4 char/block device, 5 directory), "ustar\0" "00" — then the content
 * padded to 512 bytes, and two zero blocks at the end. The stream is returned as a byte string (one char a
 * byte), which is how the simulated shell passes binary data through a pipe.
 */
import type { FsView } from "../../fs/fs-view.js";

const BLOCK = 512;

/** One entry of the archive. */
interface TarEntry {
  name: string;
  type: "file" | "dir" | "symlink" | "chr" | "blk";
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  data?: string;
  target?: string;
  rdev?: [number, number];
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, "0") + "\0";
}

function field(text: string, width: number): string {
  return text.slice(0, width).padEnd(width, "\0");
}

/** UTF-8 bytes of a string as a byte string. */
function bytesOf(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join("");
}

function header(e: TarEntry, size: number): string {
  let name = e.name;
  let prefix = "";
  if (name.length > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  const flag = { file: "0", symlink: "2", chr: "3", blk: "4", dir: "5" }[e.type];
  const parts = [
    field(name, 100), octal(e.mode & 0o7777, 8), octal(e.uid, 8), octal(e.gid, 8), octal(size, 12),
    octal(Math.floor(e.mtimeMs / 1000), 12), "        ", flag, field(e.target ?? "", 100), "ustar\0", "00",
    field(e.uid === 0 ? "root" : "", 32), field(e.gid === 0 ? "root" : "", 32),
    octal(e.rdev?.[0] ?? 0, 8), octal(e.rdev?.[1] ?? 0, 8), field(prefix, 155),
  ];
  let block = parts.join("").padEnd(BLOCK, "\0");
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += block.charCodeAt(i) & 0xff;
  block = block.slice(0, 148) + sum.toString(8).padStart(6, "0") + "\0 " + block.slice(156);
  return block;
}

/** Archives the tree under `root` (as `fs` sees it), entry names relative to it, directories first. */
export function tarTree(fs: FsView, root: string): string {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const path = rel === "" ? root : `${root}/${rel}`;
    let names: string[];
    try {
      names = fs.readdirSync(path).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const childRel = rel === "" ? name : `${rel}/${name}`;
      const childPath = `${root}/${childRel}`;
      let st;
      try {
        st = fs.lstatSync(childPath);
      } catch {
        continue;
      }
      const base = { name: childRel, mode: st.mode, uid: st.uid, gid: st.gid, mtimeMs: st.mtimeMs };
      if (st.type === "dir") {
        out.push(header({ ...base, name: `${childRel}/`, type: "dir" }, 0));
        walk(childRel);
      } else if (st.type === "symlink") {
        out.push(header({ ...base, type: "symlink", target: fs.readlinkSync(childPath) }, 0));
      } else if (st.type === "chr" || st.type === "blk") {
        out.push(header({ ...base, type: st.type, ...(st.rdev ? { rdev: st.rdev } : {}) }, 0));
      } else if (st.type === "file") {
        let data = "";
        try {
          data = bytesOf(fs.readFileSync(childPath));
        } catch {
          /* unreadable: archived empty */
        }
        out.push(header({ ...base, type: "file" }, data.length), data, "\0".repeat((BLOCK - (data.length % BLOCK)) % BLOCK));
      }
    }
  };
  walk("");
  out.push("\0".repeat(BLOCK * 2));
  return out.join("");
}
