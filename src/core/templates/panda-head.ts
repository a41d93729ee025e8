// The 熊猫头 (panda head) template, drawn by this project: a round white head with black ears and
// a black outline, and a face slot in its middle where the user's face goes (see LAYOUTS.panda).
// Fractions of the sticker's side.

export const PANDA_HEAD = {
  head: { cx: 0.5, cy: 0.5, rx: 0.41, ry: 0.37 },
  ears: [
    { cx: 0.2, cy: 0.2, r: 0.12 },
    { cx: 0.8, cy: 0.2, r: 0.12 },
  ],
  outline: 0.016,
  /** Box radius of the two-tone filter, as a fraction of the side (about a quarter of the eye distance). */
  inkRadius: 0.04,
} as const;
