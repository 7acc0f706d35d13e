/** Folds a document number for lookup: NFC, no spaces, upper case ("07- TB/CQTTBCĐ" -> "07-TB/CQTTBCĐ"). */
export function documentNumberKey(number: string): string {
  return number.normalize('NFC').replace(/\s+/g, '').toUpperCase();
}
