/** What pictures the server takes (avatars, profile and group covers, work covers). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** The client's own check before sending: the server checks again, more thoroughly. */
export function imageProblem(file: File): 'type' | 'too_large' | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > IMAGE_MAX_BYTES) return 'too_large';
  return null;
}
