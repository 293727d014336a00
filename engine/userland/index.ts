/**
 * The userland a RHEL host ships that the shell library lacks or gets wrong: each command is a file here, named
 * after the binary, and registers by being listed below (its name is read from the object). Container engines
 * (podman, docker, runc) install their commands on the host the same way from engine/containers/.
 */
import type { UserCommand } from "./command.js";
import { psCommand } from "./ps.js";
import { lsCommand } from "./ls.js";
import { chmodCommand } from "./chmod.js";
import { whoamiCommand, idCommand, hostnameCommand, unameCommand, getenforceCommand } from "./identity.js";
import { mountCommand, umountCommand } from "./mount.js";
import { touchCommand, mkdirCommand, rmCommand } from "./files.js";
import { killCommand, sleepCommand, bashCommand, shCommand } from "./process.js";
import { statCommand } from "./stat.js";
import { topCommand } from "./top.js";
import { dateCommand } from "./date.js";
import { unshareCommand } from "./unshare.js";
import { chconCommand, restoreconCommand } from "./chcon.js";
import { dfCommand, freeCommand } from "./df.js";
import { catCommand } from "./cat.js";
import { setenforceCommand } from "./setenforce.js";
import { sestatusCommand } from "./sestatus.js";
import { ausearchCommand } from "./ausearch.js";
import { capshCommand } from "./capsh.js";
import { chownCommand } from "./chown.js";
import { mknodCommand } from "./mknod.js";
import { readerCommands } from "./readers.js";
import { dmesgCommand } from "./dmesg.js";
import { systemdCglsCommand } from "./systemd-cgls.js";
import { tailCommand } from "./tail.js";
import { ddCommand } from "./dd.js";
import { lnCommand } from "./ln.js";
import { lsnsCommand } from "./lsns.js";
import { nsenterCommand } from "./nsenter.js";
import { ipCommand } from "./ip.js";
import { tarCommand } from "./tar.js";

export const userlandCommands: UserCommand[] = [
  psCommand, lsCommand, chmodCommand, whoamiCommand, idCommand, hostnameCommand, unameCommand, getenforceCommand,
  mountCommand, umountCommand, touchCommand, mkdirCommand, rmCommand, killCommand, sleepCommand, bashCommand,
  shCommand, statCommand, topCommand, dateCommand, unshareCommand, chconCommand, restoreconCommand,
  dfCommand, freeCommand,
  catCommand, setenforceCommand, sestatusCommand, ausearchCommand, capshCommand, chownCommand, mknodCommand,
  ...readerCommands,
  dmesgCommand, systemdCglsCommand, tailCommand, ddCommand, lnCommand, lsnsCommand, nsenterCommand, ipCommand, tarCommand,
];
