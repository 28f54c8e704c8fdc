// The exhibitor cabinet at /cabinet: its own page, without the hall (no Pixi download).
export function CabinetApp() {
  return null;
}
