// UI strings of the chat feature in both languages; ru.ts and en.ts spread them in.
export const chatRu = {
} as const;

export const chatEn: Record<keyof typeof chatRu, string> = {
};
