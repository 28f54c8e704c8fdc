// UI strings of the stand feature in both languages; ru.ts and en.ts spread them in.
export const standRu = {
} as const;

export const standEn: Record<keyof typeof standRu, string> = {
};
