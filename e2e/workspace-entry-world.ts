import type { OwnWorld } from "./own-world";

export const ENTRY_WORLD = {
  department: "901",
  // The petition office's name: the tables print it, and they are compared with its fixture.
  name: "重庆市北碚区信访办公室",
  // Its 本级 carries the petition office's code, so the fixture's projects fit it unchanged.
  subUnit: { code: "111001", name: "重庆市北碚区信访办公室（本级）" },
  accountant: "accountant.901",
  password: "mingzhang-demo",
} satisfies OwnWorld;
