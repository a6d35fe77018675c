// Vehicle identification numbers (GB 16735, DOMAIN.md D4): 17 characters without I, O, Q;
// position 9 is a check digit (0-9 or X).
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Characters a VIN may hold; also the grammar of the last characters a driver types to bind a vehicle. */
export const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/;

export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    const value = /\d/.test(c) ? Number(c) : LETTER_VALUES[c];
    sum += value * WEIGHTS[i];
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isValidVin(input: string): boolean {
  const vin = input.toUpperCase();
  return vin.length === 17 && VIN_CHARS.test(vin) && vinCheckDigit(vin) === vin[8];
}
