import { describe, expect, it } from "vitest";
import { tokenize, type Element } from "../../../checks/transcript/tokenize.js";

// "lit" text, "_" for blanks, "<kind:text>" for placeholders, "*" for [..]
function show(els: Element[]): string {
  return els
    .map((e) => (e.t === "lit" ? e.text : e.t === "ws" ? "_" : e.t === "wild" ? "*" : `<${e.shape.kind}:${e.text}>`))
    .join("|");
}

describe("tokenize: shapes learned from the notes", () => {
  it.each([
    ["system_u:system_r:container_t:s0:c322,c619 root 5195", "system_u:system_r:container_t:|<mcs:s0:c322,c619>|_|root|_|<number:5195>"],
    ["unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023", "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023"],
    ["unconfined_u:object_r:user_tmp_t:s0 .", "unconfined_u:object_r:user_tmp_t:s0|_|."],
    ["Exited (137) 2 seconds ago", "Exited|_|(137)|_|<reltime:2 seconds ago>"],
    ["Up About a minute", "Up|_|<reltime:About a minute>"],
    ["Less than a second ago", "<reltime:Less than a second ago>"],
    ["drwxr-xr-x. 2 root root 4.0K Mar 26 13:10 .", "drwxr-xr-x.|_|2|_|root|_|root|_|<size:4.0K>|_|<date:Mar 26 13:10>|_|."],
    ["6.76 MB", "<size:6.76 MB>"],
    ["1.2GiB", "<size:1.2GiB>"],
    ["chmod 777 /etc/hosts", "chmod|_|777|_|/etc/hosts"],
    ["exit=137", "exit=137"],
    ["podman 4.3.1", "podman|_|4.3.1"],
    ["pts/2 00:00:00 top", "pts/2|_|<time:00:00:00>|_|top"],
    ["time=\"2026-11-30T07:05:33Z\"", "time=\"|<date:2026-11-30T07:05:33Z>|\""],
    ["Thu Mar 26 13:10:05 UTC 2023", "<date:Thu Mar 26 13:10:05 UTC 2023>"],
    ["inet 10.88.0.7/16 brd 10.88.255.255", "inet|_|<ip:10.88.0.7>|/16|_|brd|_|<ip:10.88.255.255>"],
    ["listen 0.0.0.0:8080", "listen|_|0.0.0.0:|<number:8080>"],
    ["10.88.0.7:8080 -> 80", "<ip:10.88.0.7>|:|<number:8080>|_|->|_|80"],
    ["sha256:4715d9a7a8ee6f1722f8703496b12133c83e728ed3c26217fd9560ddbcd17554", "sha256:|<hexid:4715d9a7a8ee6f1722f8703496b12133c83e728ed3c26217fd9560ddbcd17554>"],
    ["fe80::1c2d:3eff:fe4f:5a6b/64", "<ip:fe80::1c2d:3eff:fe4f:5a6b>|/64"],
    ["0::/libpod_parent", "0::/libpod_parent"],
    ["link/ether 0a:58:0a:58:00:07", "link/ether|_|<mac:0a:58:0a:58:00:07>"],
    ["[root@5f5d3692fa73 /]#", "[root@|<hexid:5f5d3692fa73>|_|/]#"],
    ["libpod-ad416438d9e80fbcf8641c3c4724aefb32096334d726393db6833ed5b306ee9c.scope", "libpod-|<hexid:ad416438d9e80fbcf8641c3c4724aefb32096334d726393db6833ed5b306ee9c>|.scope"],
    ["boot 4f1c2b3a-9d8e-4c7b-a6f5-0e1d2c3b4a59", "boot|_|<uuid:4f1c2b3a-9d8e-4c7b-a6f5-0e1d2c3b4a59>"],
    ["added decade facade", "added|_|decade|_|facade"],
    ["l/ALLODEKSKPR3XCVLUHB6VETOBT,upper", "l/|<linkid:ALLODEKSKPR3XCVLUHB6VETOBT>|,upper"],
    ["version 1.2345", "version|_|1.2345"],
    ["  leading blanks   inside", "leading|_|blanks|_|inside"],
  ])("%s", (line, want) => {
    expect(show(tokenize(line))).toBe(want);
  });

  it("reads [..] only when asked", () => {
    expect(show(tokenize("pid=[..] ok", { wild: true }))).toBe("pid=|*|_|ok");
    expect(show(tokenize("pid=[..] ok"))).toBe("pid=[..]|_|ok");
  });

  it("turns shapes off for (literal) lines", () => {
    expect(show(tokenize("pid 23373 s0:c1,c2", { shapes: false }))).toBe("pid|_|23373|_|s0:c1,c2");
  });

  it("reads every figure as volatile for df and free", () => {
    expect(show(tokenize("Mem: 7821 912 9%", { figures: true }))).toBe("Mem:|_|<size:7821>|_|<size:912>|_|<size:9%>");
  });
});
