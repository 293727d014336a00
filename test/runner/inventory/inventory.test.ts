import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { parseInventory, readInventory, targetEntry } from "../../../runner/inventory/inventory.js";
import { inShard, parseShard } from "../../../runner/inventory/shard.js";

describe("inventory files", () => {
  it("reads one [user@]host[:port] per line, with comments and an optional student name", () => {
    const entries = parseInventory("# room 2\nstudent@lab01.example.edu\n\nroot@10.0.0.12:2222   Alice Smith  # back row\n[::1]:22\nlocal\n", "class.txt");
    expect(entries.map((e) => [e.index, e.key, e.student])).toEqual([
      [0, "student@lab01.example.edu", "student@lab01.example.edu"],
      [1, "root@10.0.0.12:2222", "Alice Smith"],
      [2, "[::1]:22", "[::1]:22"],
      [3, "local", "local"],
    ]);
  });

  it("reads a YAML list of {student, host, user, port, identity}", () => {
    const entries = parseInventory("- { student: alice, host: lab01, user: student, port: 2201, identity: /keys/a }\n- student: bob\n  host: root@lab02\n", "class.yaml");
    expect(entries[0]).toMatchObject({ kind: "ssh", key: "student@lab01:2201", student: "alice", identity: "/keys/a" });
    expect(entries[1]).toMatchObject({ key: "root@lab02", student: "bob" });
  });

  it("reads an identity relative to the inventory's folder, and ~/ from the home directory", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-inventory-"));
    writeFileSync(path.join(dir, "class.yaml"), "- { host: a, identity: keys/a_ed25519 }\n- { host: b, identity: ~/.ssh/b }\n- { host: c, identity: /k/c }\n");
    expect(readInventory(path.join(dir, "class.yaml")).map((e) => (e.kind === "ssh" ? e.identity : ""))).toEqual([
      path.join(dir, "keys/a_ed25519"),
      path.join(homedir(), ".ssh/b"),
      "/k/c",
    ]);
  });

  it("locates mistakes as file:line and never lets a host pose as an ssh option", () => {
    expect(() => parseInventory("lab01\n-oProxyCommand=touch_x\n", "c.txt")).toThrow(/^c\.txt:2: .*not a host name/);
    expect(() => parseInventory("lab01\nlab02:99999\n", "c.txt")).toThrow(/^c\.txt:2: .*not a port/);
    expect(() => parseInventory("lab01\nlab01\n", "c.txt")).toThrow(/^c\.txt:2: lab01 is listed twice/);
    expect(() => parseInventory("- host: a\n- host: b\n  passwd: x\n", "c.yaml")).toThrow(/^c\.yaml:2: unknown field "passwd"/);
    expect(() => parseInventory("- host: a\n- [", "c.yaml")).toThrow(/^c\.yaml:\d+: YAML:/);
    expect(() => parseInventory("# nobody\n", "c.txt")).toThrow(/no hosts/);
    expect(() => targetEntry("ssh://-l@x", 0)).toThrow(/not a user name/);
  });

  it("survives hostile input: huge, binary, deeply nested", () => {
    expect(() => parseInventory("a\u0000b", "c.txt")).toThrow(/NUL/);
    expect(() => parseInventory("- " + "[".repeat(5000), "c.yaml")).toThrow(/c\.yaml/);
    const many = Array.from({ length: 5000 }, (_, i) => `h${i}`).join("\n");
    expect(parseInventory(many, "c.txt")).toHaveLength(5000);
  });
});

describe("--shard i/n", () => {
  it("gives host k to shard (k mod n) + 1: every host exactly once", () => {
    const shards = [1, 2, 3].map((i) => parseShard(`${i}/3`));
    for (let k = 0; k < 10; k++) expect(shards.filter((s) => inShard(k, s))).toHaveLength(1);
    expect([0, 1, 2, 3, 4].filter((k) => inShard(k, parseShard("2/3")))).toEqual([1, 4]);
  });

  it("refuses shards outside 1..n", () => {
    for (const bad of ["0/3", "4/3", "1/0", "x", "1/2/3"]) expect(() => parseShard(bad)).toThrow(/write i\/n/);
  });
});
