import { portInUseMessage, readStartConfig } from './start-config';

describe('readStartConfig', () => {
  it('takes every port and the data directory from the environment, with the documented defaults', () => {
    expect([
      readStartConfig({}, '/hub'),
      readStartConfig(
        {
          PORT: '8000',
          NQ57_COMMUNE_PORT: '0',
          NQ57_PG_PORT: '6543',
          NQ57_DATA_DIR: '/var/nq57',
          HOST: '0.0.0.0',
        },
        '/hub',
      ),
    ]).toEqual([
      {
        host: '127.0.0.1',
        gatewayPort: 4000,
        subgraphPorts: { central: 4001, provincial: 4002, commune: 4003, events: 4004 },
        postgresPort: 5433,
        dataDir: '/hub/.data/postgres',
      },
      {
        host: '0.0.0.0',
        gatewayPort: 8000,
        subgraphPorts: { central: 4001, provincial: 4002, commune: 0, events: 4004 },
        postgresPort: 6543,
        dataDir: '/var/nq57',
      },
    ]);
  });

  it.each(['http', '-1', '70000', '4001.5'])('refuses %s as a port, naming the variable', (text) => {
    expect(() => readStartConfig({ NQ57_EVENTS_PORT: text }, '/hub')).toThrow(
      `NQ57_EVENTS_PORT=${JSON.stringify(text)} is not a port: give a number from 0 to 65535`,
    );
  });
});

describe('portInUseMessage', () => {
  const config = readStartConfig({ NQ57_PROVINCIAL_PORT: '5002' }, '/hub');

  it('names the port, what wanted it and the variable that moves it', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 5002 });
    expect(portInUseMessage(inUse, config)).toBe(
      'Port 5002 is already in use (the provincial subgraph): set NQ57_PROVINCIAL_PORT to a free port, or stop what holds it.',
    );
  });

  it('leaves other errors to their own message', () => {
    expect(portInUseMessage(new Error('password authentication failed'), config)).toBeNull();
  });
});
