import { addressKey, clientAddress } from './address';

describe('clientAddress', () => {
  const req = (remoteAddress: string, forwarded?: string | string[]) => ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  });

  test('is the socket peer, whatever x-forwarded-for claims, unless the proxy is trusted', () => {
    expect(clientAddress({ req: req('10.0.0.1', '1.2.3.4') }, false)).toBe('10.0.0.1');
  });

  test('behind a trusted proxy is the last x-forwarded-for entry, the one the proxy added', () => {
    expect(clientAddress({ req: req('10.0.0.1', 'spoofed, 203.0.113.7') }, true)).toBe('203.0.113.7');
    expect(clientAddress({ req: req('10.0.0.1', ['spoofed', '203.0.113.8 ']) }, true)).toBe('203.0.113.8');
    expect(clientAddress({ req: req('10.0.0.1') }, true)).toBe('10.0.0.1');
    expect(clientAddress({ req: req('10.0.0.1', ' , ') }, true)).toBe('10.0.0.1');
  });

  test('falls back to the Fetch request headers, and is undefined with no request', () => {
    const request = new Request('http://gateway/graphql', { headers: { 'x-forwarded-for': '198.51.100.2' } });
    expect(clientAddress({ request }, true)).toBe('198.51.100.2');
    expect(clientAddress({ request }, false)).toBeUndefined();
    expect(clientAddress({}, true)).toBeUndefined();
  });
});

describe('addressKey', () => {
  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:db8:85a3:8d3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:0db8::8a2e:370:7348', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['1::2:3:4:5:1.2.3.4', '1:0:2:3::/64'],
    ['unknown', 'unknown'],
  ])('%s -> %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
