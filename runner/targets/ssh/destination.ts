// Where a lab host is, as an admin writes it: `ssh://user@host:port`, `user@host:port`, `host`, `[::1]:2222`.
// Hosts come from command lines and inventory files, which a grader may have been handed by someone else, so every
// part is checked before it reaches ssh(1): a host or user that starts with `-` would be read as an option
// (CVE-2017-1000117 was exactly that, through git's ssh URLs), and whitespace or shell characters have no place in
// either.

/** One host to reach over SSH. `user` and `port` are left to ~/.ssh/config when absent. */
export interface Destination {
  host: string;
  user?: string;
  port?: number;
}

const HOST = /^[A-Za-z0-9_][A-Za-z0-9_.%-]*$/; // names and IPv4; `%` for scoped IPv6 inside brackets
const IPV6 = /^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$/;
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/;

/** Reads `[ssh://][user@]host[:port]`; throws an Error whose message says what is wrong with it. */
export function parseDestination(text: string): Destination {
  const raw = text.trim();
  let rest = raw.startsWith("ssh://") ? raw.slice("ssh://".length) : raw;
  if (rest.endsWith("/")) rest = rest.slice(0, -1);
  if (!rest) throw new Error(`"${text}": no host; write user@host or ssh://user@host:port`);
  let user: string | undefined;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (!USER.test(user)) throw new Error(`"${text}": "${user}" is not a user name (letters, digits, . _ - only; not starting with -)`);
  }
  let host: string;
  let portText: string | undefined;
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) throw new Error(`"${text}": an IPv6 address in [ ] needs its closing ]`);
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after && !after.startsWith(":")) throw new Error(`"${text}": only :port may follow [address]`);
    portText = after ? after.slice(1) : undefined;
    if (!IPV6.test(host)) throw new Error(`"${text}": "${host}" is not an IPv6 address`);
  } else {
    const colon = rest.indexOf(":");
    host = colon < 0 ? rest : rest.slice(0, colon);
    portText = colon < 0 ? undefined : rest.slice(colon + 1);
    if (!HOST.test(host)) throw new Error(`"${text}": "${host}" is not a host name or address`);
  }
  let port: number | undefined;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) throw new Error(`"${text}": "${portText}" is not a port (1-65535)`);
  }
  return { host, ...(user ? { user } : {}), ...(port ? { port } : {}) };
}

/** The canonical name of a destination, used as its key in results files: `user@host:port`, parts as given. */
export function formatDestination(d: Destination): string {
  const host = d.host.includes(":") ? `[${d.host}]` : d.host;
  return `${d.user ? `${d.user}@` : ""}${host}${d.port ? `:${d.port}` : ""}`;
}
