// UI strings of the cabinet feature in both languages; ru.ts and en.ts spread them in.
export const cabinetRu = {
} as const;

export const cabinetEn: Record<keyof typeof cabinetRu, string> = {
};
