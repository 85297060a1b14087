import { BlockList, isIP } from 'node:net';

/** Why an address is no place for this service to open a connection to (SMTP hosts, webhook URLs). */
export type ForbiddenAddressKind = 'cloud metadata' | 'loopback' | 'private' | 'link-local' | 'unspecified';

const blockList = (ranges: [address: string, prefix: number][]) => {
  const list = new BlockList();
  for (const [address, prefix] of ranges) list.addSubnet(address, prefix, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return list;
};

// Checked in this order, so the metadata endpoints (inside link-local and fc00::/7) get their own name.
// BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 ranges.
const FORBIDDEN: [ForbiddenAddressKind, BlockList][] = [
  [
    'cloud metadata',
    // AWS, GCP and Azure (IPv4), AWS (IPv6), Alibaba Cloud.
    blockList([
      ['169.254.169.254', 32],
      ['fd00:ec2::254', 128],
      ['100.100.100.200', 32],
    ]),
  ],
  [
    'loopback',
    blockList([
      ['127.0.0.0', 8],
      ['::1', 128],
    ]),
  ],
  [
    'private',
    blockList([
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
      // Carrier-grade NAT (shared address space): internal to a provider's network.
      ['100.64.0.0', 10],
      ['fc00::', 7],
      // NAT64: an IPv6 way to spell any IPv4 address, internal ones included.
      ['64:ff9b::', 96],
    ]),
  ],
  [
    'link-local',
    blockList([
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ]),
  ],
  [
    'unspecified',
    blockList([
      ['0.0.0.0', 8],
      ['::', 128],
    ]),
  ],
];

/** Host names that reach a cloud metadata service whatever they resolve to from here. */
const METADATA_HOST_NAMES = new Set(['metadata.google.internal', 'metadata']);

/** True for a name (any case, trailing dot or not) that always means a cloud metadata service. */
export function isMetadataHostName(host: string): boolean {
  return METADATA_HOST_NAMES.has(host.toLowerCase().replace(/\.$/, ''));
}

/** The kind of internal address `address` (an IP literal) is, or null for a public one. */
export function forbiddenAddressKind(address: string): ForbiddenAddressKind | null {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`not an IP address: ${address}`);
  const type = family === 6 ? 'ipv6' : 'ipv4';
  for (const [kind, list] of FORBIDDEN) if (list.check(address, type)) return kind;
  return null;
}
