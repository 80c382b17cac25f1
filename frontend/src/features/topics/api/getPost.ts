import { api } from '@/lib/api';
import type { Post } from '@/types/api';

/** GET /posts/{id}: one post with its raw Markdown (to quote it). */
export function getPost(id: number): Promise<Post> {
  return api<Post>(`/posts/${id}`);
}
