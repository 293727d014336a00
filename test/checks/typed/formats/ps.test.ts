import { describe, expect, it } from "vitest";
import { parsePs } from "../../../../checks/typed/formats/ps.js";

describe("parsePs", () => {
  it("reads procps 4's padded `-` labels (real Debian output)", () => {
    const rows = parsePs(
      "LABEL                           UID        PID  PPID  C STIME TTY          TIME CMD\n" +
        "-                               root     23373 23362  7 07:06 ?        00:00:00 bash -c if [ -f /mnt/on ]; then top; fi\n",
    );
    expect(rows).toEqual([
      { label: "-", user: "root", pid: 23373, ppid: 23362, tty: "?", cmd: "bash -c if [ -f /mnt/on ]; then top; fi", line: expect.any(String) },
    ]);
  });

  it("reads procps 3.3.10's widened label column (RHEL 7) and keeps CMD spacing", () => {
    const [row] = parsePs("system_u:system_r:container_t:s0:c17,c840 root 18682 18669  0 03:30 pts/0 00:00:00 sh -c 'a  b'\n");
    expect(row).toMatchObject({ label: "system_u:system_r:container_t:s0:c17,c840", pid: 18682, tty: "pts/0", cmd: "sh -c 'a  b'" });
  });

  it("reads `ps -ef` without labels, and skips garbage and hostlab's own batch lines", () => {
    const rows = parsePs(
      "UID        PID  PPID  C STIME TTY          TIME CMD\nroot         1     0  0 19:58 ?        00:00:03 /usr/lib/systemd/systemd\ngarbage\n" +
        "root 99 1 0 19:58 ? 00:00:00 sh -s @@hostlab-probe x\n",
    );
    expect(rows.map((r) => [r.label, r.pid, r.cmd])).toEqual([["", 1, "/usr/lib/systemd/systemd"]]);
  });
});
