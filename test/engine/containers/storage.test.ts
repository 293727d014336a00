/**
 * Container storage as podman lays it out (fixtures: observed tree and layers.json): layer dirs, short links,
 * userdata, the overlay mount, and the shared image layer seen from both sides.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { engineState } from "../../../engine/containers/container.js";
import { kernelFs } from "../../../engine/fs/fs-view.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";
const observedLayers = JSON.parse(readFileSync(new URL("../../fixtures/engine/podman-4.3.1/observed-overlay-layers-layers.json", import.meta.url), "utf8"));

describe("podman storage", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `podman run -d --name one ${UBI7} sleep 1000`,
    `podman run -d --name two ${UBI7} sleep 1000`,
    "touch $(podman mount one)/from-host",
    "podman exec one ls /",
    "podman exec one touch /from-container",
    "ls $(podman mount one)",
    "podman exec two ls /",
    "ls /var/lib/containers/storage/overlay/l | wc -l",
    "cat /var/lib/containers/storage/overlay-layers/layers.json",
    "ls /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata",
    "ls -a /run/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata",
    "podman exec one cat /etc/hostname",
    "podman umount one",
  ]);
  const out = (i: number) => steps[i]!.result.stdout;
  const state = engineState(host, "podman");
  const one = Object.values(state.containers).find((c) => c.name === "one")!;
  const two = Object.values(state.containers).find((c) => c.name === "two")!;

  it("a file touched in merged shows in the container and vice versa", () => {
    expect(out(3).split(/\s+/)).toContain("from-host");
    expect(out(5).split(/\s+/)).toContain("from-container");
    expect(out(6).split(/\s+/)).not.toContain("from-host");
  });

  it("the copy-up lands in the container's own diff dir", () => {
    const fs = kernelFs(host);
    expect(fs.readdirSync(`/var/lib/containers/storage/overlay/${one.layerId}/diff`)).toEqual(expect.arrayContaining(["from-host", "from-container"]));
    expect(fs.readdirSync(`/var/lib/containers/storage/overlay/${two.layerId}/diff`)).not.toContain("from-host");
  });

  it("both containers share the image's layer tree (same inodes, never copied)", () => {
    const img = state.images[one.imageId]!;
    const fs = kernelFs(host);
    const lower = fs.statSync(`/var/lib/containers/storage/overlay/${img.layerId}/diff/usr/bin/bash`);
    expect(fs.statSync(`/var/lib/containers/storage/overlay/${one.layerId}/merged/usr/bin/bash`).ino).toBe(lower.ino);
    expect(fs.statSync(`/var/lib/containers/storage/overlay/${two.layerId}/merged/usr/bin/bash`).ino).toBe(lower.ino);
  });

  it("short links and layers.json as containers/storage keeps them", () => {
    expect(Number(out(7).trim())).toBe(Object.keys(state.images).length + 2);
    const layers = JSON.parse(out(8));
    expect(Object.keys(layers[0]).filter((k) => k in observedLayers[0])).toEqual(["id", "created", "compressed-diff-digest", "diff-digest", "uidset", "gidset"]);
    expect(layers[0].id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("userdata of a running container (podman 4)", () => {
    expect(out(9).split(/\s+/).filter(Boolean)).toEqual(["artifacts", "attach", "config.json", "ctl", "ctr.log", "secrets", "shm", "winsz"]);
    expect(out(10).split(/\s+/).filter(Boolean).sort()).toEqual([".", "..", ".containerenv", "conmon.pid", "hostname", "hosts", "pidfile", "resolv.conf"]);
    expect(out(11)).toBe(`${one.id.slice(0, 12)}\n`);
  });

  it("umount of a running container keeps its rootfs mounted", () => {
    expect(out(12)).toBe("one\n");
    expect(kernelFs(host).readdirSync(`/var/lib/containers/storage/overlay/${one.layerId}/merged`)).toContain("from-host");
  });
});
