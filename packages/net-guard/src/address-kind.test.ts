import { describe, expect, it } from 'vitest';
import { forbiddenAddressKind, isMetadataHostName } from './address-kind.js';

describe('forbiddenAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['::ffff:192.168.1.10', 'private'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.100.100.201', 'private'],
    ['64:ff9b::7f00:1', 'private'],
    ['169.254.10.20', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
  ])('%s is %s', (address, kind) => {
    expect(forbiddenAddressKind(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '100.128.0.1',
    '100.63.255.255',
    '142.250.4.108',
    '2607:f8b0:4004:c07::6c',
    '::ffff:142.250.4.108',
  ])('%s is public', (address) => {
    expect(forbiddenAddressKind(address)).toBeNull();
  });

  it('refuses what is not an IP address', () => {
    expect(() => forbiddenAddressKind('smtp.example.com')).toThrow('not an IP address: smtp.example.com');
  });
});

describe('isMetadataHostName', () => {
  it.each(['metadata.google.internal', 'METADATA.google.internal.', 'metadata'])(
    '%s names a metadata service',
    (host) => {
      expect(isMetadataHostName(host)).toBe(true);
    },
  );

  it('leaves other names alone', () => {
    expect(isMetadataHostName('hooks.slack.com')).toBe(false);
  });
});
