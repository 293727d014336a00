/**
 * Error numbers (errno(3), include/uapi/asm-generic/errno-base.h): how the kernel says no. The kernel returns
 * names as values; commands turn them into the C library's strerror text that every coreutils message ends with.
 */

export const ERRNO = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, EBADF: 9, ECHILD: 10, EAGAIN: 11, ENOMEM: 12, EACCES: 13,
  EFAULT: 14, EBUSY: 16, EEXIST: 17, EXDEV: 18, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOSPC: 28, EROFS: 30,
  EMLINK: 31, ENAMETOOLONG: 36, ENOSYS: 38, ENOTEMPTY: 39, ELOOP: 40, ENOTSUP: 95,
} as const;

export type ErrnoName = keyof typeof ERRNO;

/** strerror(3) in the C locale. */
export const STRERROR: Record<ErrnoName, string> = {
  EPERM: "Operation not permitted", ENOENT: "No such file or directory", ESRCH: "No such process",
  EINTR: "Interrupted system call", EIO: "Input/output error", EBADF: "Bad file descriptor",
  ECHILD: "No child processes", EAGAIN: "Resource temporarily unavailable", ENOMEM: "Cannot allocate memory",
  EACCES: "Permission denied", EFAULT: "Bad address", EBUSY: "Device or resource busy", EEXIST: "File exists",
  EXDEV: "Invalid cross-device link", ENOTDIR: "Not a directory", EISDIR: "Is a directory",
  EINVAL: "Invalid argument", ENOSPC: "No space left on device", EROFS: "Read-only file system",
  EMLINK: "Too many links", ENAMETOOLONG: "File name too long", ENOSYS: "Function not implemented",
  ENOTEMPTY: "Directory not empty", ELOOP: "Too many levels of symbolic links", ENOTSUP: "Operation not supported",
};

/** The name of errno number `n` (seccomp returns numbers); EPERM-like fallback for unknown numbers. */
export function errnoName(n: number): ErrnoName {
  for (const [name, v] of Object.entries(ERRNO)) if (v === n) return name as ErrnoName;
  return "EPERM";
}

/** An errno travelling up from deep inside a file system operation; the syscall gate turns it into a value. */
export class ErrnoError extends Error {
  /** e.g. "ENOENT" (the field name Node's fs errors use, which just-bash reads) */
  readonly code: ErrnoName;
  constructor(code: ErrnoName, syscall: string, path: string) {
    // The message mirrors Node's fs errors ("ENOENT: no such file or directory, open '/x'"): just-bash's
    // builtins recognise the errno from it when they print their own diagnostics.
    super(`${code}: ${STRERROR[code].toLowerCase()}, ${syscall} '${path}'`);
    this.code = code;
  }
}
