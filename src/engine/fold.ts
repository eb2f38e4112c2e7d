/** Vietnamese text folded for comparing: lowercase, no diacritics, đ → d ("Tân Lập" → "tan lap"). */
export function foldVi(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
