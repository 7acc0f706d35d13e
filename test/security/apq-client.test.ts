import { Client, fetchExchange, gql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { useTestHub } from '../support/hub';

// A mainstream client's automatic persisted queries against the gateway, as a portal would run them.
const hub = useTestHub();

const DIRECTIVE = gql`
  query PersistedByUrql($number: String!) {
    directive(number: $number) {
      number
      tasks {
        ref
      }
    }
  }
`;

test('urql’s persisted exchange registers a document once, then sends its hash alone', async () => {
  const sent: { hashOnly: boolean }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body)) as {
      query?: string;
      extensions?: { persistedQuery?: unknown };
    };
    sent.push({ hashOnly: body.query === undefined && body.extensions?.persistedQuery !== undefined });
    return fetch(input, init);
  };
  const client = new Client({
    url: hub().gateway.url,
    exchanges: [persistedExchange({ preferGetForPersistedQueries: false }), fetchExchange],
    fetch: recordingFetch,
    requestPolicy: 'network-only',
  });
  const first = await client.query(DIRECTIVE, { number: '71/NQ-CP' }).toPromise();
  const second = await client.query(DIRECTIVE, { number: '57-NQ/TW' }).toPromise();
  expect([first.error, second.error]).toEqual([undefined, undefined]);
  expect([
    first.data?.directive.number,
    first.data?.directive.tasks.length,
    second.data?.directive.number,
  ]).toEqual(['71/NQ-CP', 15, '57-NQ/TW']);
  // Hash alone (not found), then the document with its hash; afterwards the hash alone is enough.
  expect(sent).toEqual([{ hashOnly: true }, { hashOnly: false }, { hashOnly: true }]);
});
