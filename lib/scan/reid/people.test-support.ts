// Shared by the tests of this folder: a table small enough to check every number by hand.
//
//   id age sex zip   diagnosis   class (age, sex, zip)
//   0  34  F   02139 flu         A (34, F, 02139)   size 3, diagnoses {flu, cold}
//   1  34  F   02139 cold        A
//   2  34  F   02139 flu         A
//   3  36  M   02139 flu         B (36, M, 02139)   size 2, diagnoses {flu}
//   4  36  M   02139 flu         B
//   5  52  F   02141 asthma      C (52, F, 02141)   size 1, diagnoses {asthma}
//   6  —   F   02141 flu         D (missing, F, 02141) size 2, diagnoses {flu, cold}
//   7  —   F   02141 cold        D
export const PEOPLE: Record<string, string>[] = [
  { id: "0", age: "34", sex: "F", zip: "02139", diagnosis: "flu" },
  { id: "1", age: "34", sex: "F", zip: "02139", diagnosis: "cold" },
  { id: "2", age: "34", sex: "F", zip: "02139", diagnosis: "flu" },
  { id: "3", age: "36", sex: "M", zip: "02139", diagnosis: "flu" },
  { id: "4", age: "36", sex: "M", zip: "02139", diagnosis: "flu" },
  { id: "5", age: "52", sex: "F", zip: "02141", diagnosis: "asthma" },
  { id: "6", age: "", sex: "F", zip: "02141", diagnosis: "flu" },
  { id: "7", age: "", sex: "F", zip: "02141", diagnosis: "cold" },
];
