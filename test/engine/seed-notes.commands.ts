/**
 * The "Container Hosts" seed notes' 32 commands (a student's notes from a real RHEL 7 lab host), in order, with the
 * registry typo of the third one fixed. Written out here because the notes themselves are not part of the
 * repository; shared by the acceptance test and the bench.
 */

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

/** The notes' 32 commands, in order. */
export const SEED_COMMANDS = [
  `docker run -td ${UBI7} top`,
  `docker run -td ${UBI7} top`,
  `podman run -td ${UBI7} top`,
  `ps -efZ | grep -v grep | grep " top"`,
  `podman create -dt --name on-off-container -v /mnt:/mnt:Z quay.io/fatherlinux/on-off-container`,
  `podman ps -a`,
  `mount | grep -v docker | grep merged`,
  `podman mount on-off-container`,
  `mount | grep -v docker | grep merged`,
  `ls $(podman mount on-off-container)`,
  `touch $(podman mount on-off-container)/test.txt`,
  `ls $(podman mount on-off-container)`,
  `podman start on-off-container`,
  `podman ps -l -q --no-trunc`,
  `cat /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/config.json | jq .`,
  `podman ps -a`,
  `touch /mnt/on`,
  `podman start on-off-container`,
  `podman ps -a`,
  `podman exec -it on-off-container bash`,
  `ls -lisah /mnt`,
  `exit`,
  `podman kill -a`,
  `podman rm -a`,
  `podman run -dt ${UBI7} sleep 10`,
  `podman run -dt ${UBI7} sleep 10`,
  `ps -efZ | grep container_t | grep sleep`,
  `mkdir /tmp/selinux-test`,
  `ls -alhZ /tmp/selinux-test/`,
  `podman run -t -v /tmp/selinux-test:/tmp/selinux-test:Z ${UBI7} ls -alhZ /tmp/selinux-test`,
  `ls -alhZ /tmp/selinux-test/`,
  `podman run -it --security-opt seccomp=./labs/lab3-step5/chmod.json ${UBI7} chmod 777 /etc/hosts`,
];

