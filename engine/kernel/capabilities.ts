/**
 * Which privileged operations need which capability (capabilities(7)), where the syscall table's fixed `cap` is
 * not enough because the answer depends on the arguments: mknod(2) needs CAP_MKNOD only for a character or block
 * device (a FIFO or a plain file is anyone's), a raw socket needs CAP_NET_RAW (`ping: socket: Operation not
 * permitted` in a container started with `--cap-drop NET_RAW`), setting the clock CAP_SYS_TIME. The gate asks
 * `requiredCapability` before SELinux; a task without the capability gets EPERM.
 */

/** st_mode file type bits (include/uapi/linux/stat.h). */
const S_IFMT = 0o170000;
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
/** socket(2) type (include/linux/net.h). */
const SOCK_RAW = 3;

/** Capability decided by the arguments: syscall → (registers → capability or none). */
export const ARGUMENT_CAPS: Record<string, (regs: readonly number[]) => string | undefined> = {
  // mknodat(dirfd, path, mode, dev)
  mknodat: (r) => {
    const type = (r[2] ?? 0) & S_IFMT;
    return type === S_IFCHR || type === S_IFBLK ? "CAP_MKNOD" : undefined;
  },
  // socket(domain, type, protocol)
  socket: (r) => (((r[1] ?? 0) & 0xf) === SOCK_RAW ? "CAP_NET_RAW" : undefined),
};

/** The capability a call needs: by its arguments where the table above says so, else the syscall table's `cap`. */
export function requiredCapability(name: string, regs: readonly number[], fixed?: string): string | undefined {
  const byArgs = ARGUMENT_CAPS[name];
  return byArgs ? byArgs(regs) : fixed;
}

/** A mask as /proc prints it (16 hex digits) → capability names in bit order. */
export function decodeCapMask(allCaps: readonly string[], hex: string): string[] | undefined {
  const clean = hex.replace(/^0x/i, "");
  if (!/^[0-9a-f]{1,16}$/i.test(clean)) return undefined;
  const mask = BigInt(`0x${clean}`);
  return allCaps.filter((_, bit) => (mask >> BigInt(bit)) & 1n);
}

/** The capabilities a profile's kernel knows (full root holds them all): RHEL 7's 3.10 has 37, RHEL 9's 5.14 41. */
export function kernelCapabilities(allCaps: readonly string[], profileName: string): string[] {
  return profileName === "rhel7" ? allCaps.slice(0, allCaps.indexOf("CAP_AUDIT_READ")) : [...allCaps];
}
