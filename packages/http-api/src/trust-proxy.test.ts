import { loadConfig } from '@reportmail/config';
import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy, trustProxy } from './trust-proxy.js';

const parse = (value: string | undefined) =>
  loadConfig({ TRUST_PROXY: trustProxy }, { TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    [' 2 ', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8, ::1, fd00::/8, loopback', ['10.0.0.0/8', '::1', 'fd00::/8', 'loopback']],
  ])('%j → %j', (value, expected) => {
    expect(parse(value)).toEqual(expected);
  });

  it('refuses true: it would let a client name its own address', () => {
    expect(() => parse('true')).toThrow(/TRUST_PROXY .*true would trust every X-Forwarded-For hop/);
  });

  it.each(['11', 'yes', '10.0.0.0/33', '300.1.1.1', '::1/129', 'proxy.example.com'])('refuses %j', (value) => {
    expect(() => parse(value)).toThrow('TRUST_PROXY');
  });

  it('trusts exactly the configured number of hops from the socket', () => {
    const trust = fastifyTrustProxy(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2, 3].map((hop) => trust('10.9.1.1', hop))).toEqual([true, true, false, false]);
  });
});
