import { useTestHub } from './support/hub';

const hub = useTestHub();

const PROVINCES = `
  query Provinces {
    provinces { code name communes { code } }
  }
`;

type Province = { code: string; name: string; communes: { code: string }[] };

/** One commune of each province, each read with its province's name (the name the commune subgraph provides). */
function communesQuery(codes: string[]): string {
  const fields = codes.map(
    (code, index) => `c${index}: commune(code: "${code}") { code province { code name } }`,
  );
  return `query CommunesWithProvince {\n  ${fields.join('\n  ')}\n}`;
}

describe("a commune's province name, provided by the commune subgraph", () => {
  it('is the name the provincial subgraph holds, for a commune of every province', async () => {
    const { data, errors } = await hub().query<{ provinces: Province[] }>(PROVINCES);
    expect(errors).toBeUndefined();
    const provinces = data?.provinces ?? [];
    expect(provinces).toHaveLength(34);
    const sample = provinces.map((province) => province.communes[0].code);
    const read: unknown[] = [];
    // In parts of 10: the whole sample in one request would pass the gateway's limit of 30 aliases.
    for (let start = 0; start < sample.length; start += 10) {
      const part = sample.slice(start, start + 10);
      const { data: communes, errors: refused } = await hub().query<Record<string, unknown>>(
        communesQuery(part),
      );
      expect(refused).toBeUndefined();
      read.push(...Object.values(communes ?? {}));
    }
    expect(read).toEqual(
      provinces.map((province) => ({
        code: province.communes[0].code,
        province: { code: province.code, name: province.name },
      })),
    );
  });
});
