/**
 * `podman version` / `docker version`: the client (and, for docker, the daemon) versions as each release prints
 * them: podman 1.x a short block, podman 4 "Client: Podman Engine", docker a Client and a Server block (RHEL's
 * docker 1.13 with its "Package version"). Versions come from the host profile.
 */
import type { CommandResult } from "../../userland/command.js";
import type { EngineCall } from "../cli/engine-call.js";

/** version */
export const version = {
  name: "version",
  run(call: EngineCall): CommandResult {
    const v = call.era.version;
    switch (call.era.family) {
      case "podman1":
        call.out(`Version:            ${v}\nRemoteAPI Version:  1\nGo Version:         go1.12.12\nOS/Arch:            linux/amd64\n`);
        break;
      case "podman4":
        call.out(`Client:       Podman Engine\nVersion:      ${v}\nAPI Version:  ${v}\nGo Version:   go1.21.11 (Red Hat 1.21.11-1.el9_4)\nBuilt:        Mon Jul  1 07:24:39 2024\nOS/Arch:      linux/amd64\n`);
        break;
      case "docker1": {
        const block = ` Version:         ${v}\n API version:     1.26\n Package version: docker-${v}-209.git7d71120.el7_9.x86_64\n Go version:      go1.10.3\n Git commit:      7d71120/${v}\n Built:           Wed Mar  2 15:25:43 2022\n OS/Arch:         linux/amd64\n`;
        call.out(`Client:\n${block}\nServer:\n${block.replace(" API version:     1.26", " API version:     1.26 (minimum version 1.12)")} Experimental:    false\n`);
        break;
      }
      case "dockerce":
        call.out(`Client: Docker Engine - Community\n Version:           ${v}\n API version:       1.45\n Go version:        go1.21.10\n Git commit:        b72abbb\n Built:             Thu May 16 08:34:39 2024\n OS/Arch:           linux/amd64\n Context:           default\n\nServer: Docker Engine - Community\n Engine:\n  Version:          ${v}\n  API version:      1.45 (minimum version 1.24)\n  Go version:       go1.21.10\n  Git commit:       8e96db1\n  Built:            Thu May 16 08:33:34 2024\n  OS/Arch:          linux/amd64\n  Experimental:     false\n containerd:\n  Version:          1.6.32\n  GitCommit:        8b3b7ca2e5ce38e8f31a34f35b2b68ceb8470d89\n runc:\n  Version:          1.1.12\n  GitCommit:        v1.1.12-0-g51d5e94\n docker-init:\n  Version:          0.19.0\n  GitCommit:        de40ad0\n`);
        break;
    }
    return call.done(0);
  },
};
