// A new client address for every request, sent as X-Forwarded-For to a server trusting the
// loopback proxy (TRUST_PROXY=127.0.0.1): many clients through one connection pool, as behind a
// reverse proxy, so no one client reaches the per-client limits. 10.0.0.0/8 has room for 16 million.

let next = 0;

export function newClientAddress(): string {
  const n = next++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
